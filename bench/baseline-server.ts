// Baseline for `npm run bench`: a bare node:http server that answers every request with
// one fixed HTML document held in memory (the article page's own HTML). Nothing can
// serve that page from this Node.js faster, so routes are reported as a ratio of it.
import http from 'node:http';

const port = Number(process.argv[2]);
const chunks: Buffer[] = [];
process.stdin.on('data', (c: Buffer) => chunks.push(c));
process.stdin.on('end', () => {
  const body = Buffer.concat(chunks);
  http
    .createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
      res.end(body);
    })
    .listen(port, '127.0.0.1', () => console.log('ready'));
});
