import { readFile } from 'node:fs/promises';
import { CliError } from './context';

/** The file's text, refusing what is not UTF-8 (Excel's 「CSV（逗号分隔）」 is GBK on a Chinese Windows). */
export async function readUtf8(file: string): Promise<string> {
  const bytes = await readFile(file).catch((err: Error) => {
    throw new CliError(`cannot read ${file}: ${err.message}`);
  });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${file} 不是 UTF-8 编码（可能是 GBK）：请在 Excel 中另存为「CSV UTF-8（逗号分隔）」后再导入。`);
  }
}
