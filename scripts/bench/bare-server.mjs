// The start-up floor of bench:startup: a process that loads botbuilder and restify, listens and
// answers /readyz. Plain JavaScript run by node, no transpiler: the least any bot on this stack pays.
import 'botbuilder';
import restify from 'restify';

const server = restify.createServer({ name: 'bare' });
server.get('/readyz', (_req, res, next) => {
  res.send(200, { status: 'ready' });
  return next();
});
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  process.stdout.write(`kører: http://127.0.0.1:${server.address().port}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
