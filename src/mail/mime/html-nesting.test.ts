import { describe, expect, it } from 'vitest';

import { limitHtmlNesting } from './html-nesting.js';
import { sanitiseMailHtml } from './sanitize-html.js';

describe('limitHtmlNesting', () => {
  it('leaves ordinary HTML unchanged', () => {
    const html = '<div><p>a<br>b<img src="cid:x"/></p></div>';

    expect(limitHtmlNesting(html)).toEqual({ html, droppedTags: 0 });
  });

  it('drops tags beyond the depth limit', () => {
    const html = `${'<div>'.repeat(600)}text${'</div>'.repeat(600)}`;

    const limited = limitHtmlNesting(html);

    expect(limited.droppedTags).toBe(200);
    expect(limited.html).toBe(`${'<div>'.repeat(500)}text${'</div>'.repeat(500)}`);
  });

  it('keeps sanitising deep unclosed nesting fast', () => {
    const started = performance.now();

    const result = sanitiseMailHtml(`${'<div>'.repeat(200_000)}x`);

    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.droppedTags).toBe(199_500);
  });
});
