import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { SAMPLE_MOBILE } from '../../bot/privacy/numbers';

/** One example sentence the bot prints, found in its source, with the values its placeholders stand for filled in. */
export interface CatalogueExample {
  /** Where it is printed: file and line. */
  at: string;
  /** The text it sits in, for the failure message. */
  sentence: string;
  example: string;
}

const ROOT = new URL('../..', import.meta.url).pathname;
/** Where the bot's sentences live: the catalogues and every other module that prints something (dashboard pages, jobs). The CLI speaks to operators, not in chat. */
const SOURCES = ['bot', 'handlers', 'jobs'];
const SKIPPED = ['bot/cli', 'bot/db'];

/**
 * What a `${…}` inside an example stands for, by the name it reads
 * (`a.id`, `incidentId`, `clip(name)`, `a.steps[0].step`): one of the values
 * the example bench's hall holds. An example with a placeholder not named
 * here fails, asking for its sample.
 */
export const PLACEHOLDER_SAMPLES: [RegExp, string][] = [
  [/(?:^|\.)(?:id|alertId|incidentId|alert|incident)\)?$|^Number\(a\.id\)$/, '12'],
  [/(?:^|\.)(?:name|subject)\)?$|^clip\(name\)$/, '张三'],
  [/^guards\[0\]$/, '钱门卫'],
  [/(?:^|\.)item$/, '口罩'],
  [/(?:^|\.)step$/, '隔离'],
  [/^note$/, '已送隔离室'],
  [/areas\[0\]$/, '公共区域'],
  [/toFixed\(1\)$/, '36.5'],
  [/^SLOT_LABEL\[dailyMissing\]$/, '午检'],
  [/^SLOT_LABEL\[/, '晨检'],
  [/(?:^|\.)window$/, '1号窗口'],
  [/^sample\.names\[0\]$/, '张三'],
  [/^names$|^sample\.names\.join\(.*\)$/, '张三 李四'],
  [/^sample\.window$/, '1号窗口'],
  [/^SAMPLE_MOBILE$/, SAMPLE_MOBILE],
];

/** What a `<…>` or `[…]` the sentence shows as a blank stands for. */
export const BLANK_SAMPLES: Record<string, string> = {
  编号: '12',
  情况: '已完成',
  处置情况: '已安排居家观察',
  '姓名…': '张三',
  姓名: '张三',
  步骤: '隔离',
  实有数量: '320',
  数量: '100',
  物品: '口罩',
  区域: '公共区域',
  窗口: '1号窗口',
  正确体温: '36.6',
  总结: '排除感染',
};

/** Every string the bot's sources print, with placeholders filled where their sample is known (`⟦…⟧` where not). */
export function printedStrings(): { at: string; text: string }[] {
  const found: { at: string; text: string }[] = [];
  for (const file of sourceFiles()) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const constants = stringConstants(source);
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
      const text = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : ts.isTemplateExpression(node) ? filled(node, constants, source) : undefined;
      if (text !== undefined) found.push({ at: `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`, text });
      node.forEachChild(visit);
    };
    visit(source);
  }
  return found;
}

/** A template with each `${…}` replaced by its sample, a constant's value, or `⟦…⟧`. */
function filled(node: ts.TemplateExpression, constants: Map<string, string>, source: ts.SourceFile): string {
  let text = node.head.text;
  for (const span of node.templateSpans) {
    const expression = span.expression.getText(source);
    const sample = constants.get(expression) ?? PLACEHOLDER_SAMPLES.find(([re]) => re.test(expression))?.[1];
    text += (sample ?? `⟦${expression}⟧`) + span.literal.text;
  }
  return text;
}

/** The module's string constants (`const EXAMPLE = '晨检 36.5 绿码 无症状'`), for the templates that use them. */
function stringConstants(source: ts.SourceFile): Map<string, string> {
  const constants = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || !d.initializer) continue;
      if (ts.isStringLiteral(d.initializer) || ts.isNoSubstitutionTemplateLiteral(d.initializer)) constants.set(d.name.text, d.initializer.text);
      else if (ts.isTemplateExpression(d.initializer)) constants.set(d.name.text, filled(d.initializer, constants, source));
    }
  }
  return constants;
}

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (SKIPPED.some((s) => path === join(ROOT, s))) continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) files.push(path);
    }
  };
  for (const dir of SOURCES) walk(join(ROOT, dir));
  return files.sort();
}

/** Fills the blanks a sentence shows (`<编号>`, `[窗口]`) with their samples; an unknown blank stays, to fail. */
export function fillBlanks(example: string): string {
  return example.replace(/<([^<>]+)>|\[([^[\]]+)\]/g, (whole, a: string | undefined, b: string | undefined) => BLANK_SAMPLES[a ?? b ?? ''] ?? whole);
}
