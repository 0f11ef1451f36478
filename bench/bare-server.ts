import Koa from 'koa';

/** The baseline: a bare Koa handler answering the same requests with an empty 200. */
const app = new Koa();
app.use((ctx) => {
  ctx.body = '';
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : 0}\n`);
});
