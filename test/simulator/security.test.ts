import { connect } from 'node:net';
import { expect } from 'chai';
import { SIMULATOR_CSP } from '../../bot/simulator/guard';
import { SimulatorHall } from '../support/simulator';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

describe('local simulator: refusing what a foreign page could send', () => {
  let hall: SimulatorHall;
  beforeEach(async () => {
    hall = await SimulatorHall.open({ env: { PUBLIC_URL: 'http://hall.example.org:8080' } });
  });
  afterEach(() => hall.close());

  it('sends the strict Content-Security-Policy named in the brief', () => {
    expect(SIMULATOR_CSP).to.equal(CSP);
  });

  for (const path of ['/', '/local/simulator.js', '/local/simulator.css']) {
    it(`serves ${path} with the CSP, nosniff and no-referrer`, async () => {
      const answer = await hall.request('GET', path);
      expect(answer.status).to.equal(200);
      expect(answer.headers['content-security-policy']).to.equal(CSP);
      expect(answer.headers['x-content-type-options']).to.equal('nosniff');
      expect(answer.headers['referrer-policy']).to.equal('no-referrer');
    });
  }

  it('serves the script and the style with their own types', async () => {
    expect((await hall.request('GET', '/local/simulator.js')).headers['content-type']).to.match(/^application\/javascript/);
    expect((await hall.request('GET', '/local/simulator.css')).headers['content-type']).to.match(/^text\/css/);
  });

  for (const [method, path] of [['GET', '/'], ['GET', '/local/people'], ['GET', '/local/feed'], ['GET', '/local/simulator.js'], ['POST', '/local/message'], ['POST', '/local/jobs/morning-summary'], ['POST', '/local/demo']]) {
    it(`answers 403 to ${method} ${path} addressed to a foreign host (DNS rebinding)`, async () => {
      const host = `evil.example.com:${hall.port}`;
      const answer = await hall.request(method, path, method === 'POST' ? { body: '{}', headers: { host, 'content-type': 'application/json' } } : { headers: { host } });
      expect(answer.status).to.equal(403);
      expect(answer.headers['x-content-type-options']).to.equal('nosniff');
    });
  }

  it('answers 403 to an HTTP/1.0 request with no Host header', async () => {
    const socket = connect(hall.port, '127.0.0.1');
    socket.end('GET /local/people HTTP/1.0\r\n\r\n');
    const chunks: Buffer[] = [];
    for await (const chunk of socket) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString('utf8')).to.match(/^HTTP\/1\.[01] 403 /);
  });

  it('runs nothing for a foreign host', async () => {
    await hall.request('POST', '/local/jobs/morning-summary', { body: '{}', headers: { host: 'evil.example.com', 'content-type': 'application/json' } });
    expect(await hall.service.db.all('SELECT id FROM job_firing')).to.have.length(0);
  });

  for (const host of ['localhost', '127.0.0.1', '[::1]', 'LOCALHOST', 'hall.example.org']) {
    it(`accepts the host ${host}, with or without a port`, async () => {
      expect((await hall.request('GET', '/local/people', { headers: { host } })).status).to.equal(200);
      expect((await hall.request('GET', '/local/people', { headers: { host: `${host}:${hall.port}` } })).status).to.equal(200);
    });
  }

  for (const path of ['/local/message', '/local/jobs/morning-summary', '/local/demo']) {
    it(`answers 415 to a POST ${path} that is not JSON, and runs nothing`, async () => {
      for (const type of [undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const answer = await hall.request('POST', path, { body: '{}', headers: type ? { 'content-type': type } : {} });
        expect(answer.status, String(type)).to.equal(415);
      }
      expect(await hall.service.db.all('SELECT id FROM job_firing')).to.have.length(0);
      expect(await hall.service.db.all('SELECT id FROM inbound_message')).to.have.length(0);
    });
  }

  it('accepts JSON with a charset', async () => {
    const answer = await hall.request('POST', '/local/jobs/morning-summary', { body: '{}', headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(answer.status).to.equal(200);
  });

  it('answers 403 to a POST from another origin', async () => {
    for (const origin of ['http://evil.example.com', 'null', 'http://127.0.0.1.evil.example.com']) {
      expect((await hall.post('/local/jobs/morning-summary', {}, { origin })).status, origin).to.equal(403);
    }
    expect(await hall.service.db.all('SELECT id FROM job_firing')).to.have.length(0);
    for (const origin of [hall.url, 'https://hall.example.org']) {
      expect((await hall.post('/local/jobs/morning-summary', {}, { origin })).status, origin).to.equal(200);
    }
  });

  it('answers 413 to a message body over 64 KiB', async () => {
    const answer = await hall.post('/local/message', { userId: '1', text: 'x'.repeat(70 * 1024) });
    expect(answer.status).to.equal(413);
  });
});
