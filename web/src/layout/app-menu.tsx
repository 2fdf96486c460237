import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';

// The inbox is also the start page, and a document page belongs to it.
function selectedKey(pathname: string): string {
  if (pathname.startsWith('/register')) {
    return '/register';
  }
  if (pathname.startsWith('/flagged')) {
    return '/flagged';
  }

  return '/inbox';
}

export function AppMenu() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();

  const items = [
    { key: '/inbox', label: t('nav.inbox') },
    { key: '/register', label: t('nav.register') },
    { key: '/flagged', label: t('nav.flagged') },
  ];

  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selectedKey(location.pathname)]}
      onClick={({ key }) => void navigate(key)}
    />
  );
}
