// Child process for the register-numbering test: takes COUNT numbers for one organization, each
// in its own transaction with a short pause inside, and prints them as JSON.
import { loadConfig } from '../../src/config.js';
import { openAppContext } from '../../src/platform/app-context.js';
import { takeRegisterNumber } from '../../src/documents/register-numbering.js';

const [organizationId, countText] = process.argv.slice(2);
const ctx = await openAppContext(loadConfig(), { migrate: false });
const numbers: number[] = [];

await Promise.all(
  Array.from({ length: Number(countText) }, () =>
    ctx.db.transaction().execute(async (trx) => {
      const number = await takeRegisterNumber(trx, organizationId!, 'incoming', 2026);
      await new Promise((resolve) => setTimeout(resolve, 1));
      numbers.push(number);
    }),
  ),
);

await ctx.close();
process.stdout.write(JSON.stringify(numbers));
