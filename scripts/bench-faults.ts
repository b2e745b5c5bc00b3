/**
 * The bot under faults: on a throwaway wiki with requests in every stage, the bot
 * runs through a proxy that drops connections, answers 500, 503, maxlag, readonly
 * or an edit conflict, loses responses after the wiki applied an edit, delays, or
 * lets a person edit a page just before the bot's edit reaches it, and the bot is
 * SIGKILLed after its k-th edit. Each schedule runs the bot until it exits 0 and
 * compares the wiki with a clean run: notices delivered exactly once (counted from
 * the revisions), no person's edit lost, the same pages, JSON alone on standard
 * output, and a further run with nothing to do. Prints a table; asserts nothing.
 *
 *     npm run bench:faults
 *     npm run bench:faults -- --bot-root /path/to/other/checkout --seeds 1,2 --schedules 10
 *
 * `--bot-root` is the checkout whose bot/main.ts runs (default: this repository);
 * the wiki, its pages and this suite come from this repository.
 */
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createFaultFixture } from './lib/fault-fixture';
import {
	buildSchedules, CleanRun, describeSchedule, FaultSuite, passed, PersonEdit, resultTable, ScheduleResult,
} from './lib/fault-suite';

const ROOT = join( dirname( fileURLToPath( import.meta.url ) ), '..' );

async function main(): Promise<void> {
	const { values } = parseArgs( {
		options: {
			'bot-root': { type: 'string', default: ROOT },
			seeds: { type: 'string', default: '1' },
			schedules: { type: 'string' },
			only: { type: 'string' },
			'retry-pause-ms': { type: 'string', default: '200' },
			'run-budget-seconds': { type: 'string' },
			details: { type: 'boolean', default: false },
			output: { type: 'string' },
		},
	} );
	const botRoot = resolve( values[ 'bot-root' ] );
	const seeds = values.seeds.split( ',' ).map( ( seed ) => Number( seed.trim() ) );
	if ( seeds.some( ( seed ) => !Number.isInteger( seed ) ) ) {
		throw new Error( '--seeds takes whole numbers, e.g. --seeds 1,2' );
	}
	const count = values.schedules === undefined ? undefined : Number( values.schedules );
	const log = ( line: string ): void => {
		process.stderr.write( line + '\n' );
	};
	const began = performance.now();
	const fixture = await createFaultFixture( log );
	const suite = new FaultSuite( fixture, {
		botRoot: botRoot,
		retryPauseMs: Number( values[ 'retry-pause-ms' ] ),
		runBudgetSeconds: values[ 'run-budget-seconds' ] === undefined ? undefined : Number( values[ 'run-budget-seconds' ] ),
		log: log,
	} );
	const results: ScheduleResult[] = [];
	try {
		await suite.start();
		log( 'Starting wiki ready in ' + ( ( performance.now() - began ) / 1000 ).toFixed( 1 ) + ' s; bot from ' + botRoot );
		const references = new Map<string, CleanRun>();
		const reference = async ( person?: PersonEdit ): Promise<CleanRun> => {
			const key = person ? person.kind + ' ' + person.request : '';
			let run = references.get( key );
			if ( !run ) {
				log( 'Clean run' + ( person ? ' after a person\'s edit (' + key + ')' : '' ) + '…' );
				run = await suite.cleanRun( person );
				log( '  ' + run.runs.length + ' run(s), ' + run.shape.reads + ' reads, ' + run.shape.edits + ' edits, restore ' + Math.round( run.restoreMs ) + ' ms, ' +
					Object.keys( run.observation.deliveries ).length + ' deliveries' );
				if ( run.further.idle.length || run.further.full.length ) {
					log( '  after it, a further run saved: ' + ( run.further.idle.join( ', ' ) || 'nothing' ) + '; one with --full: ' + ( run.further.full.join( ', ' ) || 'nothing' ) );
				}
				references.set( key, run );
			}
			return run;
		};
		const clean = await reference();
		const last = clean.runs[ clean.runs.length - 1 ];
		if ( last.killed || last.code !== 0 ) {
			log( 'The clean run did not end with exit 0: ' + last.stderr.slice( -500 ) );
		}
		const schedules = seeds.flatMap( ( seed ) => buildSchedules( seed, clean.shape, count ) )
			.filter( ( schedule ) => !values.only || schedule.name.includes( values.only ) );
		for ( const schedule of schedules ) {
			log( schedule.name + ': ' + describeSchedule( schedule ) );
			const result = await suite.runSchedule( schedule, await reference( schedule.person ) );
			results.push( result );
			log( '  ' + ( passed( result ) ? 'passed' : 'FAILED' ) + ' in ' + ( result.ms / 1000 ).toFixed( 1 ) + ' s' +
				( result.details.length ? '\n' + result.details.map( ( line ) => '  ' + line ).join( '\n' ) : '' ) );
		}
	} finally {
		await suite.close();
		await fixture.teardown();
	}
	const table = resultTable( results );
	const perSchedule = results.length ? results.reduce( ( sum, result ) => sum + result.ms, 0 ) / results.length / 1000 : 0;
	const summary = [
		'Bot: ' + botRoot + '; seeds ' + seeds.join( ',' ) + '; ' + results.length + ' schedules; ' +
			perSchedule.toFixed( 1 ) + ' s per schedule on average; ' + ( ( performance.now() - began ) / 1000 ).toFixed( 0 ) + ' s in all.',
		'runs: runs until exit 0 (exit codes; K = SIGKILL). Deliveries are counted from the revisions, per (recipient, request):',
		'dup: deliveries beyond the clean run\'s (a second one on the same channel, or by mention and on the talk page both);',
		'extra: (recipient, request) notified here but not in the clean run; lost: notified in the clean run but not here;',
		'non-JSON: runs whose stdout was not one JSON document (the further runs included); idle edits: edits by a further run,',
		'and by one more with --full, beyond what those save after the clean run (the state page aside); (order): a person edited mid-run, where pages and notices may',
		'legitimately differ from the reference (the person\'s edit made before the bot ran).',
	].join( '\n' );
	let output = table + '\n\n' + summary + '\n';
	if ( values.details ) {
		output += '\n' + results.filter( ( result ) => result.details.length ).map( ( result ) => result.schedule.name + '\n' +
			result.details.map( ( line ) => '  ' + line ).join( '\n' ) ).join( '\n' ) + '\n';
	}
	process.stdout.write( '\n' + output );
	if ( values.output ) {
		await writeFile( values.output, output );
	}
}

main().catch( ( error: unknown ) => {
	console.error( error instanceof Error ? error.stack || error.message : error );
	process.exitCode = 1;
} );
