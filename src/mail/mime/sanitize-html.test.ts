import { describe, expect, it } from 'vitest';

import { MAX_HTML_CHARS } from './limits.js';
import { sanitiseMailHtml } from './sanitize-html.js';

describe('sanitiseMailHtml', () => {
  it('removes scripts and event handlers', () => {
    const result = sanitiseMailHtml('<p onclick="steal()">Kính gửi<script>alert(1)</script></p>');

    expect(result.html).toBe('<p>Kính gửi</p>');
    expect(result.removed).toEqual(['event handler', 'script']);
  });

  it('removes forms, frames and embedded objects', () => {
    const html = '<form action="https://x"><input name="p"></form><iframe src="https://x"></iframe><object data="x"></object>ok';

    const result = sanitiseMailHtml(html);

    expect(result.html).toBe('ok');
    expect(result.removed).toEqual(expect.arrayContaining(['form', 'input', 'iframe', 'object']));
  });

  it('removes remote images but keeps cid and data images', () => {
    const html = '<img src="https://tracker.example/p.gif"><img src="cid:logo@x"><img src="data:image/png;base64,AAAA">';

    const result = sanitiseMailHtml(html);

    expect(result.html).not.toContain('tracker');
    expect(result.html).toContain('src="cid:logo@x"');
    expect(result.html).toContain('src="data:image/png;base64,AAAA"');
    expect(result.removed).toEqual(['remote image']);
  });

  it('removes protocol-relative and background loads', () => {
    const result = sanitiseMailHtml('<img src="//x.example/a.png"><table background="http://x.example/b.png"><tr><td>a</td></tr></table>');

    expect(result.html).not.toContain('x.example');
  });

  it('removes style sheets and url() in styles', () => {
    const html = '<style>@import url(https://x/a.css)</style><p style="color: red; background: url(https://x/b.png)">a</p>';

    const result = sanitiseMailHtml(html);

    expect(result.html).toBe('<p style="color:red">a</p>');
    expect(result.removed).toEqual(expect.arrayContaining(['style', 'remote style']));
  });

  it('neutralises javascript links', () => {
    const result = sanitiseMailHtml('<a href="javascript:alert(1)">x</a><a href="https://lamdong.gov.vn">y</a>');

    expect(result.html).not.toContain('javascript');
    expect(result.html).toContain('<a href="https://lamdong.gov.vn" target="_blank" rel="noopener noreferrer">y</a>');
    expect(result.removed).toEqual(['unsafe link']);
  });

  it('keeps Outlook formatting without a flag', () => {
    const html = '<html><head><meta charset="utf-8"></head><body><p class="MsoNormal"><o:p></o:p><b>V/v</b> <font color="red">báo cáo</font></p></body></html>';

    const result = sanitiseMailHtml(html);

    expect(result.html).toBe('<p><b>V/v</b> <font color="red">báo cáo</font></p>');
    expect(result.removed).toEqual(['meta']);
  });

  it('cuts HTML beyond the limit', () => {
    const result = sanitiseMailHtml(`<p>${'a'.repeat(MAX_HTML_CHARS)}</p>`);

    expect(result.truncated).toBe(true);
    expect(result.html.length).toBeLessThanOrEqual(MAX_HTML_CHARS + 10);
  });
});
