// @prisma/dev loads @prisma/streams-local only for `prisma dev` (Prisma's local Postgres with durable streams), which
// AutoCoach never runs: the demo and tests use their own embedded PGlite. The real package requires Node 22 and made
// `npm install` warn on Node 20, so package.json overrides it with this stand-in.
exports.startLocalDurableStreamsServer = async () => {
  throw new Error("`prisma dev` is not supported in AutoCoach (it needs @prisma/streams-local on Node 22); use `npm run demo`.");
};
