import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The CJK font charts are drawn with: Noto Sans (Simplified Chinese, the
 * GB2312 set and Latin), OFL-1.1, shipped by the `@embedpdf/fonts-sc` npm
 * package — never a system font, which a fresh machine may not have.
 */
export const CHART_FONT_FAMILY = 'Noto Sans Hans';

/** resvg, loaded on the first picture, then kept: a later picture awaits no module loading at all. */
let resvgModule: Promise<typeof import('@resvg/resvg-js')> | undefined;

function fontFile(): string {
  const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
  return join(dirname(entry), '..', 'fonts', 'NotoSansHans-Regular.otf');
}

/**
 * Rasterises an SVG (ECharts' server-side rendering) to PNG with resvg, whose
 * native binary comes inside its npm package: no browser, no system library,
 * no system font. Text is drawn with {@link CHART_FONT_FAMILY} only.
 */
export async function svgToPng(svg: string): Promise<Buffer> {
  const { Resvg } = await (resvgModule ??= import('@resvg/resvg-js'));
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    font: { fontFiles: [fontFile()], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY },
  });
  return Buffer.from(resvg.render().asPng());
}
