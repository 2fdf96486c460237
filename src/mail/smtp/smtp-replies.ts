/** An error that smtp-server sends to the client with the given reply code. */
export class SmtpReply extends Error {
  constructor(readonly responseCode: number, message: string) {
    super(message);
  }
}

// Replies carry Vietnamese first and English after, since senders' clerks read them in bounces.
export const replies = {
  unknownRecipient: (address: string) =>
    new SmtpReply(550, `5.1.1 <${address}>: Không có hộp thư này / No such mailbox here`),
  invalidRecipient: (address: string) =>
    new SmtpReply(553, `5.1.3 <${address}>: Địa chỉ không hợp lệ / Invalid address`),
  messageTooLarge: (limit: number) =>
    new SmtpReply(552, `5.3.4 Thư vượt quá dung lượng cho phép ${limit} byte / Message exceeds the size limit of ${limit} bytes`),
  tooManyConnections: () =>
    new SmtpReply(421, '4.7.0 Quá nhiều kết nối từ địa chỉ này, vui lòng thử lại sau / Too many connections from your address, try again later'),
  localFailure: () =>
    new SmtpReply(451, '4.3.0 Lỗi tạm thời khi lưu thư, vui lòng gửi lại sau / Temporary local failure storing the message, try again later'),
  shuttingDown: () =>
    new SmtpReply(421, '4.3.2 Máy chủ đang dừng, vui lòng gửi lại sau / Server shutting down, try again later'),
};
