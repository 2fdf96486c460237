export interface DemoCredential {
  login: string;
  password: string;
  fullName: string;
  organizationName: string;
  roles: string[];
}

/** Prints the generated demo logins once; only their hashes are stored. */
export function printDemoCredentials(credentials: DemoCredential[]): void {
  const lines = [
    '',
    'Đã tạo tỉnh mẫu (demo province). Mật khẩu chỉ hiện một lần / passwords are shown only once:',
    '',
    ...credentials.map((credential) => `  ${credential.login.padEnd(22)} ${credential.password}  ${credential.roles.join(',').padEnd(8)} ${credential.organizationName}`),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
