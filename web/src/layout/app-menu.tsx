import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';

import { sectionOfPath, sectionPath, sectionsFor } from '../auth/sections';
import { useCurrentUser } from '../auth/use-current-user';

/** Lists the sections that the user's roles allow: monitors see only "Cần xử lý", administrators only "Quản trị". */
export function AppMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();

  const items = sectionsFor(user).map((section) => ({
    key: sectionPath(section),
    label: t(`nav.${section}`),
    'data-testid': `menu-${section}`,
  }));
  const current = sectionOfPath(location.pathname);

  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={current ? [sectionPath(current)] : []}
      onClick={({ key }) => void navigate(key)}
      data-testid="app-menu"
    />
  );
}
