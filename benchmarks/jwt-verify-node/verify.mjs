// The Node side of jwt-verify-comparison.sh: AWS's aws-jwt-verify validating the same token stream
// as JwtTokenStream does for the starter, with the same pool, client id and key set (cached up
// front, so no request leaves the machine): every token USES times, round-robin, ROUNDS rounds to
// warm up and ROUNDS measured, each with a new verifier. Prints each measured round's time and
// their median, in ms.
//
//   node verify.mjs DIR USES ROUNDS
import { readFileSync } from "node:fs";
import { CognitoJwtVerifier } from "aws-jwt-verify";

const [dir, uses, rounds] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const jwks = JSON.parse(readFileSync(`${dir}/jwks.json`, "utf8"));
const tokens = readFileSync(`${dir}/tokens.txt`, "utf8").split("\n").filter((line) => line.length > 0);
const times = [];
for (let round = -rounds; round < rounds; round++) {
  const verifier = CognitoJwtVerifier.create({ userPoolId: "eu-west-1_Bench", tokenUse: "access", clientId: "app-client" });
  verifier.cacheJwks(jwks);
  const start = process.hrtime.bigint();
  for (let use = 0; use < uses; use++) {
    for (const token of tokens) {
      if (verifier.verifySync(token).sub === undefined) {
        throw new Error("a token did not validate");
      }
    }
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (round >= 0) {
    times.push(ms);
    console.log(`round ${round + 1}: ${ms.toFixed(1)} ms`);
  }
}
times.sort((a, b) => a - b);
console.log(`median: ${times[Math.floor(rounds / 2)].toFixed(1)} ms (${tokens.length} tokens x ${uses} uses, aws-jwt-verify, Node ${process.version})`);
