/**
 * What the Toolforge jobs framework accepts in a jobs.yaml entry (`toolforge jobs load`),
 * as documented on https://wikitech.wikimedia.org/wiki/Help:Toolforge/Jobs_framework and
 * enforced by its API (toolforge jobs-api, tjf/core/models.py):
 *
 * - `name`: a lower-case RFC 1123 name, at most 52 characters (a Kubernetes cron job's limit);
 * - `command`; `image`: a Toolforge image name (`node20`) or a build-service image
 *   `tool-<tool>/tool-<tool>:latest` (https://wikitech.wikimedia.org/wiki/Help:Toolforge/Build_Service);
 * - `schedule`: cron syntax, 5 fields, or `@hourly`, `@daily`, `@weekly`, `@monthly`, `@yearly`;
 *   `continuous`: a job that runs for ever (not with `schedule`);
 * - `timeout`: seconds a scheduled job may run before it is stopped (integer ≥ 0, 0: none);
 * - `retry`: 0 to 5 restarts of a failed run; `mem` (default 512Mi), `cpu` (default 100m):
 *   Kubernetes quantities; `emails`: none, all, onfinish or onfailure;
 * - `mount`: all or none (`none` only with build-service images, whose default it is);
 * - `filelog`, `no-filelog`, `filelog-stdout`, `filelog-stderr`: file logs, only with `mount: all`.
 */

export const KNOWN_KEYS = [
	'name', 'command', 'image', 'schedule', 'continuous', 'timeout', 'retry', 'mem', 'cpu', 'emails', 'mount',
	'filelog', 'no-filelog', 'filelog-stdout', 'filelog-stderr', 'wait', 'replicas', 'port',
] as const;

export const EMAILS = [ 'none', 'all', 'onfinish', 'onfailure' ] as const;
export const MOUNTS = [ 'all', 'none' ] as const;
/** The Toolforge images the bot can use: the bundle is built for Node 20. */
export const STANDARD_IMAGES = [ 'node20' ] as const;
export const MACROS: Readonly<Record<string, number>> = {
	'@hourly': 3600, '@daily': 86400, '@weekly': 7 * 86400, '@monthly': 28 * 86400, '@yearly': 365 * 86400,
};

// eslint-disable-next-line security/detect-unsafe-regex -- anchored, each repetition ends at a fixed character
const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?([.][a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const BUILD_SERVICE_IMAGE = /^tool-([a-z0-9][-a-z0-9]*)\/tool-([a-z0-9][-a-z0-9]*):latest$/;
const MEMORY = /^[1-9][0-9]*(Mi|Gi)$/;
// eslint-disable-next-line security/detect-unsafe-regex -- anchored and linear: digits, then an optional fraction
const CPU = /^([1-9][0-9]*m|[0-9]+(\.[0-9]+)?)$/;

/** `tool-x/tool-x:latest`: built by `toolforge build start`. */
export function isBuildServiceImage( image: string ): boolean {
	const match = BUILD_SERVICE_IMAGE.exec( image );
	return match !== null && match[ 1 ] === match[ 2 ];
}

const FIELDS: readonly { name: string; min: number; max: number }[] = [
	{ name: 'minute', min: 0, max: 59 },
	{ name: 'hour', min: 0, max: 23 },
	{ name: 'day of month', min: 1, max: 31 },
	{ name: 'month', min: 1, max: 12 },
	{ name: 'day of week', min: 0, max: 7 },
];

/** The values one cron field allows (`*`, `N`, `A-B`, `* /S`, `A-B/S`, comma lists); throws if it is not one. */
function cronField( text: string, field: { name: string; min: number; max: number } ): Set<number> {
	const values = new Set<number>();
	text.split( ',' ).forEach( ( part ) => {
		// eslint-disable-next-line security/detect-unsafe-regex -- anchored, each group starts at a fixed character
		const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec( part );
		if ( !match ) {
			throw new Error( field.name + ': "' + part + '" is not a cron field' );
		}
		const from = match[ 1 ] === '*' ? field.min : Number( match[ 2 ] );
		const to = match[ 1 ] === '*' ? field.max : match[ 3 ] !== undefined ? Number( match[ 3 ] ) : match[ 4 ] ? field.max : from;
		const step = match[ 4 ] ? Number( match[ 4 ] ) : 1;
		if ( from < field.min || to > field.max || from > to || step < 1 ) {
			throw new Error( field.name + ': "' + part + '" is out of range ' + field.min + '-' + field.max );
		}
		for ( let value = from; value <= to; value += step ) {
			values.add( field.name === 'day of week' && value === 7 ? 0 : value );
		}
	} );
	return values;
}

/**
 * The shortest time, in seconds, between two runs of a 5-field cron schedule or a
 * macro, found by walking the runs of a year (UTC). Throws if it is not one.
 */
export function cronInterval( schedule: string ): number {
	if ( schedule.startsWith( '@' ) ) {
		if ( !( schedule in MACROS ) ) {
			throw new Error( '"' + schedule + '" is not a cron macro' );
		}
		return MACROS[ schedule ];
	}
	const parts = schedule.trim().split( /\s+/ );
	if ( parts.length !== 5 ) {
		throw new Error( '"' + schedule + '" does not have 5 fields' );
	}
	const [ minutes, hours, days, months, weekdays ] = parts.map( ( part, index ) => cronField( part, FIELDS[ index ] ) );
	// As cron does: a restricted day of month and day of week each allow a day.
	const anyDay = parts[ 2 ] === '*', anyWeekday = parts[ 4 ] === '*';
	const sortedHours = [ ...hours ].sort( ( a, b ) => a - b );
	const sortedMinutes = [ ...minutes ].sort( ( a, b ) => a - b );
	let previous: number | null = null;
	let shortest = Infinity;
	const start = Date.UTC( 2025, 0, 1 );
	for ( let day = 0; day < 366; day++ ) {
		const at = new Date( start + day * 86400000 );
		const dayMatches = anyDay && anyWeekday ? true :
			anyDay ? weekdays.has( at.getUTCDay() ) :
				anyWeekday ? days.has( at.getUTCDate() ) :
					days.has( at.getUTCDate() ) || weekdays.has( at.getUTCDay() );
		if ( !dayMatches || !months.has( at.getUTCMonth() + 1 ) ) {
			continue;
		}
		for ( const hour of sortedHours ) {
			for ( const minute of sortedMinutes ) {
				const time = day * 1440 + hour * 60 + minute;
				if ( previous !== null ) {
					shortest = Math.min( shortest, time - previous );
				}
				previous = time;
			}
		}
	}
	if ( previous === null ) {
		throw new Error( '"' + schedule + '" never runs' );
	}
	return shortest * 60;
}

function isInteger( value: unknown ): value is number {
	return typeof value === 'number' && Number.isInteger( value );
}

/** What is wrong with one entry of jobs.yaml; empty if the jobs framework accepts it. */
export function jobProblems( job: unknown ): string[] {
	if ( typeof job !== 'object' || job === null || Array.isArray( job ) ) {
		return [ 'a job must be a mapping' ];
	}
	const entry = job as Record<string, unknown>;
	const problems: string[] = [];
	const label = typeof entry.name === 'string' ? entry.name : '(no name)';
	const problem = ( text: string ): void => {
		problems.push( label + ': ' + text );
	};
	Object.keys( entry ).filter( ( key ) => !( KNOWN_KEYS as readonly string[] ).includes( key ) )
		.forEach( ( key ) => problem( 'unknown key "' + key + '"' ) );
	if ( typeof entry.name !== 'string' || !NAME.test( entry.name ) || entry.name.length > 52 ) {
		problem( 'name must be lower-case letters, digits, "-" and ".", at most 52 characters' );
	}
	if ( typeof entry.command !== 'string' || entry.command.trim() === '' ) {
		problem( 'command must be a non-empty string' );
	}
	const image = typeof entry.image === 'string' ? entry.image : '';
	const buildService = isBuildServiceImage( image );
	if ( !buildService && !( STANDARD_IMAGES as readonly string[] ).includes( image ) ) {
		problem( 'image must be one of ' + STANDARD_IMAGES.join( ', ' ) + ' or tool-<tool>/tool-<tool>:latest, not ' + JSON.stringify( entry.image ) );
	}
	let interval: number | null = null;
	if ( entry.schedule !== undefined ) {
		if ( typeof entry.schedule !== 'string' ) {
			problem( 'schedule must be a string' );
		} else {
			try {
				interval = cronInterval( entry.schedule );
			} catch ( error ) {
				problem( 'schedule: ' + ( error instanceof Error ? error.message : String( error ) ) );
			}
		}
		if ( entry.continuous !== undefined && entry.continuous !== false ) {
			problem( 'a job is either scheduled or continuous' );
		}
	}
	if ( entry.continuous !== undefined && typeof entry.continuous !== 'boolean' ) {
		problem( 'continuous must be true or false' );
	}
	if ( entry.timeout !== undefined ) {
		if ( !isInteger( entry.timeout ) || entry.timeout < 0 ) {
			problem( 'timeout must be a whole number of seconds ≥ 0' );
		} else if ( entry.schedule === undefined ) {
			problem( 'timeout is only for scheduled jobs' );
		} else if ( interval !== null && entry.timeout >= interval ) {
			problem( 'timeout (' + entry.timeout + ' s) must be below the schedule\'s interval (' + interval + ' s), so that runs never overlap' );
		}
	}
	if ( entry.retry !== undefined && ( !isInteger( entry.retry ) || entry.retry < 0 || entry.retry > 5 ) ) {
		problem( 'retry must be a whole number from 0 to 5' );
	}
	if ( entry.mem !== undefined && ( typeof entry.mem !== 'string' || !MEMORY.test( entry.mem ) ) ) {
		problem( 'mem must be like 512Mi or 1Gi, not ' + JSON.stringify( entry.mem ) );
	}
	if ( entry.cpu !== undefined && ( typeof entry.cpu !== 'string' || !CPU.test( entry.cpu ) ) ) {
		problem( 'cpu must be like "500m" or "1" (quote it), not ' + JSON.stringify( entry.cpu ) );
	}
	if ( entry.emails !== undefined && !( EMAILS as readonly unknown[] ).includes( entry.emails ) ) {
		problem( 'emails must be one of ' + EMAILS.join( ', ' ) );
	}
	if ( entry.mount !== undefined && !( MOUNTS as readonly unknown[] ).includes( entry.mount ) ) {
		problem( 'mount must be all or none' );
	}
	const mount = entry.mount !== undefined ? entry.mount : buildService ? 'none' : 'all';
	if ( !buildService && mount !== 'all' ) {
		problem( 'mount: none is only for build-service images' );
	}
	[ 'filelog', 'no-filelog', 'wait' ].forEach( ( key ) => {
		if ( entry[ key ] !== undefined && typeof entry[ key ] !== 'boolean' ) {
			problem( key + ' must be true or false' );
		}
	} );
	[ 'filelog-stdout', 'filelog-stderr' ].forEach( ( key ) => {
		if ( entry[ key ] !== undefined && ( typeof entry[ key ] !== 'string' || entry[ key ] === '' ) ) {
			problem( key + ' must be a path' );
		}
	} );
	const fileLogs = entry.filelog === true || entry[ 'filelog-stdout' ] !== undefined || entry[ 'filelog-stderr' ] !== undefined;
	if ( fileLogs && mount !== 'all' ) {
		problem( 'file logs need mount: all' );
	}
	if ( fileLogs && entry[ 'no-filelog' ] === true ) {
		problem( 'no-filelog contradicts the file log options' );
	}
	[ 'replicas', 'port' ].forEach( ( key ) => {
		if ( entry[ key ] !== undefined && entry.continuous !== true ) {
			problem( key + ' is only for continuous jobs' );
		}
	} );
	return problems;
}
