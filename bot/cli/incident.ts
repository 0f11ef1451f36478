import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { reportDocument } from '../incidents/report/document';
import { incidentFacts } from '../incidents/report/facts';
import { audit } from '../privacy/audit';
import { CliError, type CliCommand } from './context';
import { cliActor } from './export';

/** `incident report <编号> --out report.docx` (SPEC §11): the report upward (如实上报) as a Word document. */
export const incidentCommand: CliCommand = {
  name: 'incident',
  usage: 'incident report <编号> --out report.docx',
  async run(argv, { db, config, out }) {
    const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' } } });
    const [action, idText, ...extra] = positionals;
    if (action !== 'report' || !idText || extra.length) throw new CliError(`usage: ${this.usage}`, 2);
    const file = values.out;
    if (!file) throw new CliError(`--out is required\nusage: ${this.usage}`, 2);
    if (!/\.docx$/i.test(file)) throw new CliError(`--out must name a .docx file, not "${file}"`, 2);
    const id = /^#?(\d{1,9})$/.exec(idText)?.[1];
    const facts = id ? await incidentFacts(db, Number(id), new Date(), config.timezone) : undefined;
    if (!facts) throw new CliError(`no incident numbered ${idText} (没有 ${idText} 号应急事件)`);
    const document = await reportDocument(facts, config.timezone, config.hallName);
    await writeFile(file, document).catch((err: NodeJS.ErrnoException) => {
      throw new CliError(`cannot write ${file}: ${err.message}`);
    });
    // It names the case, the contacts and their readings: personal data, so the export is audited (SPEC §12).
    await db.tx((sql) => audit(sql, { actor: cliActor(), action: 'export-incident-report', detail: `应急 #${facts.id} 处置报告 → ${file}`, now: new Date() }));
    out(`已生成 #${facts.id} 应急处置情况报告（${facts.steps.filter((s) => s.done).length}/${facts.steps.length} 步已完成，密接 ${facts.contacts.length} 人） → ${file}`);
  },
};
