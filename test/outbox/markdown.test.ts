import { expect } from 'chai';
import MarkdownIt from 'markdown-it';
import { markdownOf } from '../../bot/outbox/markdown';

const commonmark = new MarkdownIt();
/** The text a CommonMark client shows for a markdown body, and whether it drew any markup. */
function shown(markdown: string): { text: string; markup: boolean } {
  const html = commonmark.render(markdown);
  const text = html
    .replace(/<\/p>\n<p>/g, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&')
    .replaceAll('\u00a0', ' ')
    .trim();
  return { text, markup: /<(?!\/?p>)[a-z]/.test(html) };
}

describe('markdownOf: plain text on a markdown channel shows as written', () => {
  const cases: [string, string][] = [
    ['a disguised link', '[请立即点此核验](http://evil.example/x)'],
    ['an image', '![图](http://evil.example/i.png)'],
    ['an autolink and HTML', '<http://evil.example> <b>粗</b> <font color="warning">红</font>'],
    ['emphasis and strong', '*斜* _斜_ **粗** __粗__'],
    ['masked phones side by side', '陈一（138****1111）、陈二（139****2222）'],
    ['a heading', '# 标题'],
    ['a quote', '> 引用'],
    ['list items', '- 一\n+ 二\n* 三\n1. 四\n2) 五'],
    ['a thematic break and a setext underline', '标题\n---\n标题\n==='],
    ['code spans and an indented block', '`code` ``x``\n\n    缩进四格'],
    ['a table', '| a | b |\n|---|---|\n| 1 | 2 |'],
    ['strikethrough and entities', '~~删~~ &lt; &#42; &amp;'],
    ['backslashes', '\\*不是强调\\* C:\\temp'],
  ];
  for (const [what, plain] of cases) {
    it(`${what}: ${JSON.stringify(plain)}`, () => {
      const { text, markup } = shown(markdownOf(plain));
      expect(markup, commonmark.render(markdownOf(plain))).to.equal(false);
      expect(text).to.equal(plain.trim());
    });
  }

  it('keeps the links the bot writes whole and tappable', () => {
    const link = 'http://127.0.0.1:3000/dashboard?t=eyJraW5kIjoibGluayJ9.AbC_dEf-123';
    expect(markdownOf(`看板：${link}`)).to.equal(`看板：${link}`);
    expect(new MarkdownIt({ linkify: true }).render(markdownOf(`看板：${link}`))).to.contain(`<a href="${link}">${link}</a>`);
  });

  it('leaves text with nothing to escape as it is', () => {
    const plain = '【晨检汇总】2026-11-23 08:45\n1号窗口：已报 3/4，未报：张三\n告警 #3 已处置';
    expect(markdownOf(plain)).to.equal(plain);
  });
});
