// Polars peer of OrbSignal (scripts/bench-run.sh): the opening-range breakout's signal from spot per symbol and day.
// Range: per-second closes 09:15:00-09:29:59; signal: the first second from 09:30:00 to 11:00:00 with a close above
// the range high (up) or below its low (down). Prints days, ups, downs and the sum of the signal seconds.
// usage: POLARS_MAX_THREADS=N node orb.mjs LAB_ROOT
import pl from 'nodejs-polars';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const root = process.argv[2];
const OPEN = 33300; // 09:15:00 IST, seconds of the day
const RANGE_END = 900;
const ENTRY_END = 6300;
const i64 = (v) => pl.lit(v).cast(pl.Int64);

const t0 = performance.now();
const spotDir = path.join(root, 'data', 'packed', 'spot');
const files = fs.readdirSync(spotDir, { recursive: true }).filter((f) => f.endsWith('.parquet')).sort()
  .map((f) => path.join(spotDir, f));
const tsType = String((await pl.scanParquet(files[0]).select('timestamp').limit(1).collect()).schema.timestamp);
const perSecond = { ms: 1_000, us: 1_000_000, ns: 1_000_000_000 }[/Datetime\((\w+)/.exec(tsType)[1]];
const scan = pl.concat(files.map((f, i) => pl.scanParquet(f).select(pl.lit(i).cast(pl.Int64).alias('fi'), 'timestamp', 'close')));
const ist = pl.col('timestamp').cast(pl.Int64).div(i64(perSecond)).plus(i64(19800));
const sec = scan
  .filter(pl.col('close').gt(0))
  .select(pl.col('fi'), ist.modulo(i64(86400)).minus(i64(OPEN)).alias('s'), pl.col('close'))
  .filter(pl.col('s').gtEq(i64(0)).and(pl.col('s').ltEq(i64(ENTRY_END))))
  .groupBy(['fi', 's']).agg(pl.col('close').last().alias('c'));
const rng = sec.filter(pl.col('s').lt(i64(RANGE_END))).groupBy('fi')
  .agg(pl.col('c').max().alias('hi'), pl.col('c').min().alias('lo'));
const brk = sec.filter(pl.col('s').gtEq(i64(RANGE_END))).join(rng, { on: 'fi' })
  .filter(pl.col('c').gt(pl.col('hi')).or(pl.col('c').lt(pl.col('lo'))))
  .sort(['fi', 's']).groupBy('fi').agg(pl.col('s').first().alias('s1'), pl.col('c').first().gt(pl.col('hi').first()).alias('up'));
const r = (await brk.select(
  pl.col('up').sum().alias('ups'),
  pl.col('up').not().sum().alias('downs'),
  pl.col('s1').sum().alias('signal_seconds')).collect()).toRecords()[0];
const secs = (performance.now() - t0) / 1000;
console.log(`engine=orb-polars workers=${process.env.POLARS_MAX_THREADS ?? 'default'} days=${files.length} ups=${r.ups} ` +
  `downs=${r.downs} signal_seconds=${r.signal_seconds} seconds=${secs.toFixed(3)} ` +
  `rss_peak_mb=${(process.resourceUsage().maxRSS / 1024).toFixed(0)}`);
