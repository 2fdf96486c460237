import type { ButtonProps } from 'antd';

/** Adds a test id to button props given as an object, such as `okButtonProps`, because ButtonProps declares no data attributes. */
export function withTestId(testId: string, props: ButtonProps = {}): ButtonProps {
  const withId: ButtonProps & { 'data-testid': string } = { ...props, 'data-testid': testId };

  return withId;
}
