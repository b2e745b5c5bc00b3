import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../../scripts/build';
import { cronInterval, isBuildServiceImage, jobProblems } from '../../scripts/lib/toolforge-jobs';

/** The job files: the pre-built bundle on the node20 image, and the Build Service's image. */
const FILES = [ 'jobs.yaml', 'jobs.buildservice.yaml' ];
/** The bot's own time budget by default (HELPDESK_RUN_BUDGET_SECONDS, bot/config.ts). */
const RUN_BUDGET_SECONDS = 600;

function jobsOf( file: string ): Record<string, unknown>[] {
	const jobs: unknown = parse( readFileSync( join( ROOT, file ), 'utf8' ) );
	expect( Array.isArray( jobs ) ).toBe( true );
	return jobs as Record<string, unknown>[];
}

/** The Procfile's processes, by name. */
function procfile(): Record<string, string> {
	const processes: Record<string, string> = {};
	readFileSync( join( ROOT, 'Procfile' ), 'utf8' ).split( '\n' ).filter( ( line ) => line.trim() !== '' ).forEach( ( line ) => {
		const match = /^([A-Za-z0-9._-]+):\s*(.+)$/.exec( line );
		expect( match, line ).not.toBeNull();
		processes[ match![ 1 ] ] = match![ 2 ];
	} );
	return processes;
}

describe( 'the job schema', () => {
	const job = {
		name: 'helpdesk-bot', image: 'node20', command: 'node dist/bot.mjs --once', schedule: '*/15 * * * *',
		timeout: 720, retry: 0, mem: '512Mi', cpu: '500m', emails: 'onfailure', mount: 'all', 'filelog-stdout': 'logs/bot.out',
	};

	it( 'accepts a valid job', () => {
		expect( jobProblems( job ) ).toEqual( [] );
		expect( jobProblems( Object.assign( {}, job, { image: 'tool-helpdesk/tool-helpdesk:latest', mount: undefined, 'filelog-stdout': undefined } ) ) ).toEqual( [] );
	} );

	it.each( [
		[ { timeoutSeconds: 1 }, 'unknown key "timeoutSeconds"' ],
		[ { name: 'Helpdesk_Bot' }, 'name must be' ],
		[ { name: 'x'.repeat( 53 ) }, 'name must be' ],
		[ { command: '' }, 'command must be' ],
		[ { image: 'node18' }, 'image must be' ],
		[ { image: 'tool-a/tool-b:latest' }, 'image must be' ],
		[ { schedule: '*/15 * * *' }, 'does not have 5 fields' ],
		[ { schedule: '*/15 * * * * *' }, 'does not have 5 fields' ],
		[ { schedule: '61 * * * *' }, 'out of range' ],
		[ { schedule: '@often' }, 'not a cron macro' ],
		[ { timeout: 900 }, 'must be below the schedule\'s interval (900 s)' ],
		[ { timeout: '720' }, 'timeout must be a whole number' ],
		[ { retry: 6 }, 'retry must be' ],
		[ { mem: '512M' }, 'mem must be' ],
		[ { mem: 512 }, 'mem must be' ],
		[ { cpu: 0.5 }, 'cpu must be' ],
		[ { emails: 'failure' }, 'emails must be' ],
		[ { mount: 'none' }, 'mount: none is only for build-service images' ],
		[ { continuous: true }, 'either scheduled or continuous' ],
		[ { 'no-filelog': true }, 'no-filelog contradicts' ],
		[ { image: 'tool-helpdesk/tool-helpdesk:latest', mount: undefined }, 'file logs need mount: all' ],
	] )( 'refuses %j', ( change, problem ) => {
		const problems = jobProblems( Object.assign( {}, job, change ) );
		expect( problems.join( '\n' ) ).toContain( problem );
	} );

	it( 'refuses a timeout without a schedule', () => {
		expect( jobProblems( Object.assign( {}, job, { schedule: undefined } ) ).join( '\n' ) ).toContain( 'only for scheduled jobs' );
	} );

	it( 'finds the shortest interval of a schedule', () => {
		expect( cronInterval( '*/15 * * * *' ) ).toBe( 900 );
		expect( cronInterval( '0,50 * * * *' ) ).toBe( 600 );
		expect( cronInterval( '5 3 * * *' ) ).toBe( 86400 );
		expect( cronInterval( '0 0 * * 1-5' ) ).toBe( 86400 );
		expect( cronInterval( '@hourly' ) ).toBe( 3600 );
	} );
} );

describe.each( FILES )( '%s', ( file ) => {
	const jobs = jobsOf( file );

	it( 'holds jobs the Toolforge jobs framework accepts', () => {
		expect( jobs.length ).toBeGreaterThan( 0 );
		expect( jobs.flatMap( ( job ) => jobProblems( job ) ) ).toEqual( [] );
		expect( new Set( jobs.map( ( job ) => job.name ) ).size ).toBe( jobs.length );
	} );

	it( 'runs the bot every 15 minutes, stopped before the next run, and mails on failure', () => {
		const bot = jobs.find( ( job ) => job.name === 'helpdesk-bot' )!;
		expect( bot ).toBeDefined();
		expect( cronInterval( bot.schedule as string ) ).toBe( 900 );
		expect( bot.timeout ).toBeLessThan( 900 );
		// The bot stops itself, cleanly, before the framework stops it.
		expect( bot.timeout ).toBeGreaterThan( RUN_BUDGET_SECONDS );
		expect( bot.emails ).toBe( 'onfailure' );
	} );

	it( 'runs the bundle with node, without tsx or npm', () => {
		jobs.forEach( ( job ) => {
			const image = job.image as string;
			const command = isBuildServiceImage( image ) ? procfile()[ ( job.command as string ).split( ' ' )[ 0 ] ] : job.command as string;
			expect( command, job.name + ': a Procfile process' ).toBeDefined();
			expect( command ).toMatch( /(^|&& )node dist\/bot\.mjs --once\b/ );
			expect( command ).not.toMatch( /\btsx\b|\bnpm\b|\.ts\b/ );
		} );
	} );
} );

describe( 'the Procfile', () => {
	it( 'runs the bundle with node', () => {
		Object.values( procfile() ).forEach( ( command ) => {
			expect( command ).toMatch( /^node dist\/bot\.mjs --once\b/ );
		} );
	} );
} );
