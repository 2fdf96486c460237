import { useTranslation } from 'react-i18next';

// The server sanitises the HTML before sending it. The empty sandbox (no scripts, forms, popups or
// same-origin access) and this policy block whatever gets through, and also remote images, which would
// tell the sender when the mail was read.
const contentSecurityPolicy = "default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'; font-src data:";

function withPolicy(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}"></head><body>${html}</body></html>`;
}

/** Shows the HTML body of a message in a sandboxed frame. */
export function MailHtmlFrame({ html }: { html: string }) {
  const { t } = useTranslation();

  return <iframe className="mail-html" sandbox="" title={t('mail.htmlTitle')} srcDoc={withPolicy(html)} data-testid="mail-html" />;
}
