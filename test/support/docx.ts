import JSZip from 'jszip';
import mammoth from 'mammoth';

/** A Word document read back as a reader would: the parts of its package, its main XML, and its text as mammoth (a .docx reader) extracts it. */
export async function readDocx(buffer: Buffer): Promise<{ parts: string[]; contentTypes: string; documentXml: string; text: string; messages: string[] }> {
  const zip = await JSZip.loadAsync(buffer);
  const part = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const { value, messages } = await mammoth.extractRawText({ buffer });
  return {
    parts: Object.keys(zip.files),
    contentTypes: await part('[Content_Types].xml'),
    documentXml: await part('word/document.xml'),
    text: value,
    messages: messages.map((m) => `${m.type}: ${m.message}`),
  };
}
