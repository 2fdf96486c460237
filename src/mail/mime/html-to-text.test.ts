import { describe, expect, it } from 'vitest';

import { htmlToText } from './html-to-text.js';

describe('htmlToText', () => {
  it('puts blocks on their own lines and collapses whitespace', () => {
    const html = '<div>Kính gửi   quý\n cơ quan,</div><p>Văn thư<br>xin gửi</p>';

    expect(htmlToText(html)).toBe('Kính gửi quý cơ quan,\n\nVăn thư\nxin gửi');
  });

  it('drops scripts, styles and the head', () => {
    const html = '<html><head><title>t</title><style>p{}</style></head><body>a<script>b()</script></body></html>';

    expect(htmlToText(html)).toBe('a');
  });

  it('decodes entities once', () => {
    expect(htmlToText('<p>a &amp;lt; b &lt; c&nbsp;&#7879;</p>')).toBe('a &lt; b < c ệ');
  });

  it('separates table cells with a tab', () => {
    expect(htmlToText('<table><tr><td>Số</td><td>1187</td></tr><tr><td>Ngày</td><td>25</td></tr></table>')).toBe('Số\t1187\nNgày\t25');
  });

  it('leaves a blank line for two line breaks', () => {
    expect(htmlToText('a<br><br>b<br>c')).toBe('a\n\nb\nc');
  });

  it('keeps preformatted whitespace', () => {
    expect(htmlToText('<pre>a  b\n c</pre>')).toBe('a  b\n c');
  });

  it('returns NFC text', () => {
    const text = htmlToText('<p>Vie\u0302\u0323t</p>');

    expect(text).toBe('Việt');
  });
});
