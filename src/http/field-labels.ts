import { METADATA_FIELD_LABELS } from '../documents/metadata-field-labels.js';
import type { FieldLabels } from '../platform/validation-issues.js';

/**
 * Names of the API's input fields (path parameters, query parameters, JSON bodies) in error
 * messages. A field missing here is named by its path, such as `trường "foo"`.
 */
export const API_FIELD_LABELS: FieldLabels = {
  ...METADATA_FIELD_LABELS,
  id: { vi: 'mã trong đường dẫn (id)', en: 'id in the path' },
  recipientId: { vi: 'mã nơi nhận trong đường dẫn', en: 'recipient id in the path' },
  attachmentId: { vi: 'mã tệp trong đường dẫn', en: 'attachment id in the path' },
  position: { vi: 'số thứ tự tệp', en: 'file position' },
  page: { vi: 'số trang', en: 'page number' },
  pageSize: { vi: 'số dòng mỗi trang', en: 'page size' },
  box: { vi: 'hộp văn bản', en: 'box' },
  status: { vi: 'trạng thái', en: 'status' },
  overdue: { vi: 'bộ lọc quá hạn', en: 'overdue filter' },
  q: { vi: 'từ khóa tìm kiếm', en: 'search text' },
  from: { vi: 'ngày bắt đầu', en: 'start date' },
  to: { vi: 'ngày kết thúc', en: 'end date' },
  reason: { vi: 'lý do', en: 'reason' },
  recipients: { vi: 'danh sách nơi nhận', en: 'recipient list' },
  login: { vi: 'tên đăng nhập', en: 'login' },
  password: { vi: 'mật khẩu', en: 'password' },
  year: { vi: 'năm', en: 'year' },
  date: { vi: 'ngày', en: 'date' },
  kind: { vi: 'loại ngày', en: 'kind of day' },
  nameVi: { vi: 'tên tiếng Việt', en: 'Vietnamese name' },
  nameEn: { vi: 'tên tiếng Anh', en: 'English name' },
  typesNotByEmail: { vi: 'loại văn bản không gửi qua thư điện tử', en: 'the list of types not sent by e-mail' },
  paperCopyTypes: { vi: 'loại văn bản phải gửi kèm bản giấy', en: 'types that need the paper copy' },
  allowedFileTypes: { vi: 'loại tệp được gửi', en: 'allowed file types' },
  maxFileBytes: { vi: 'dung lượng tối đa mỗi tệp (byte)', en: 'maximum file size (bytes)' },
  maxTotalBytes: { vi: 'tổng dung lượng tối đa (byte)', en: 'maximum total size (bytes)' },
};
