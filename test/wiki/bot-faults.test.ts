/**
 * The bot under faults, a quick subset of `npm run bench:faults`: on a wiki of its
 * own with requests in every stage, the bot runs through the fault proxy until it
 * exits 0, and every notice is delivered exactly once (counted from the wiki's
 * revisions), nothing a person typed is lost, standard output is the JSON report
 * alone, and a further run has nothing to do.
 *
 * HELPDESK_FAULT_BOT_ROOT runs the bot of another checkout (default: this one).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFaultFixture, FaultFixture } from '../../scripts/lib/fault-fixture';
import { CleanRun, describeSchedule, FaultSuite, isTalkCreation, Schedule } from '../../scripts/lib/fault-suite';

const ROOT = join( __dirname, '..', '..' );

const SCHEDULES: Schedule[] = [
	{ name: 'a lost response on the edit that creates a talk page', faults: [ { kind: 'lost-response', on: 'edit', nth: 1, where: isTalkCreation, label: 'talk page creation' } ] },
	{ name: 'SIGKILL after the second edit', faults: [], killAfterEdit: 2 },
	{ name: 'an edit conflict on the third edit', faults: [ { kind: 'editconflict', on: 'edit', nth: 3 } ] },
	{ name: 'a 503 on the second read', faults: [ { kind: 'http503', on: 'read', nth: 2 } ] },
	{ name: 'a person changes a status before the bot\'s edit to the page', faults: [], person: { kind: 'status', request: 'waiting' } },
	{ name: 'maxlag on the fourth edit', faults: [ { kind: 'maxlag', on: 'edit', nth: 4 } ] },
];

describe( 'the bot under faults', () => {
	// One object, so that the tests declared in the loop below read what beforeAll set.
	const context: { fixture?: FaultFixture; suite?: FaultSuite; clean?: CleanRun } = {};

	beforeAll( async () => {
		context.fixture = await createFaultFixture();
		context.suite = new FaultSuite( context.fixture, { botRoot: process.env.HELPDESK_FAULT_BOT_ROOT || ROOT, retryPauseMs: 200 } );
		await context.suite.start();
		const clean = context.clean = await context.suite.cleanRun();
		expect( clean.runs.map( ( run ) => run.code ) ).toEqual( [ 0 ] );
		expect( clean.runs[ 0 ].json ).toBe( true );
		expect( Object.keys( clean.observation.deliveries ).length ).toBeGreaterThan( 10 );
	} );

	afterAll( async () => {
		if ( context.suite ) {
			await context.suite.close();
		}
		if ( context.fixture ) {
			await context.fixture.teardown();
		}
	} );

	for ( const schedule of SCHEDULES ) {
		test( schedule.name, async () => {
			const suite = context.suite!;
			const reference = schedule.person ? await suite.cleanRun( schedule.person ) : context.clean!;
			const result = await suite.runSchedule( schedule, reference );
			const summary = {
				converged: result.converged,
				duplicates: result.duplicates,
				lostNotices: result.lost,
				lostHumanEdits: result.lostHumanEdits,
				nonJsonRuns: result.nonJson + ( result.idleJson ? 0 : 1 ),
				editsOfAFurtherRun: result.idleEdits,
			};
			const why = describeSchedule( schedule ) + '; injected: ' + result.injected.join( '; ' ) + '\nruns: ' +
				result.runs.map( ( run ) => run.killed ? 'SIGKILL' : 'exit ' + run.code + ( run.code ? ' (' + run.stderr.trim().split( '\n' ).pop() + ')' : '' ) ).join( ', ' ) +
				'\n' + result.details.join( '\n' );
			// The fault must really have happened.
			expect( result.injected.length + ( schedule.person ? 1 : 0 ), why ).toBeGreaterThan( 0 );
			expect( summary, why ).toEqual( {
				converged: true, duplicates: 0, lostNotices: 0, lostHumanEdits: 0, nonJsonRuns: 0, editsOfAFurtherRun: 0,
			} );
			if ( !schedule.person ) {
				// The same starting wiki: the same notices and pages as the clean run.
				expect( result.extra, why ).toBe( 0 );
				expect( result.pagesDiffering, why ).toEqual( [] );
			}
		} );
	}
} );
