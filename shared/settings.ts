/**
 * The process settings: the page `Content Partnerships Hub/Helpdesk/Settings.json`,
 * which the Helpdesk staff and the Expert Committee edit. It holds the working
 * groups, after how many days a request is overdue, the committee's quorums, its
 * meeting dates and the Helpdesk staff. `readSettings()` checks the page as
 * `settings.schema.json` does, and three rules more (codes all different, meetings
 * in order, real user names); on any problem it gives no settings, and the bot keeps
 * the last valid ones.
 */
import { SUPPORT_KINDS, SupportKind } from './request';
import { isClosed, isStatus, Party, Status, STATUSES, WAITING_ON } from './status';
import { storedJson } from './stored-json';
import { LANGUAGE_CODE_PATTERN } from './validation';
import { normaliseUserName, parseTimestamp, shortened, userNameProblem } from './wikitext';

/** The parties a request can wait for; requests waiting for nobody are closed. */
export type ReminderParty = Exclude<Party, 'nobody'>;
export const REMINDER_PARTIES: readonly ReminderParty[] = [ 'committee', 'working-group', 'helpdesk', 'requester' ];

export interface WorkingGroupSetting {
	/** What request pages write in `working_group`: `[a-z0-9-]{1,40}`. */
	code: string;
	/** The group's name by MediaWiki language code; `en` is always there. */
	names: Record<string, string>;
	/** User names of the contact people, normalised. */
	contacts: string[];
	/**
	 * The kinds of support (`SUPPORT_KINDS`) the group helps with: a request asking
	 * for them is suggested to the group. Optional on the page (see `DEFAULT_AREAS`);
	 * `readSettings()` always gives it. Settings made in code may leave it out: none.
	 */
	areas?: SupportKind[];
}

export interface ProcessSettings {
	workingGroups: WorkingGroupSetting[];
	reminders: {
		/** Days until a request waiting for the party is overdue; 0 never. */
		parties: Record<ReminderParty, number>;
		/** Days for single statuses, in place of their party's. */
		statuses: Partial<Record<Status, number>>;
	};
	/** Sign-offs of committee members a decision needs. */
	quorum: { initialFeedback: number; finalGo: number };
	/** Meeting dates, `YYYY-MM-DD`, earliest first. */
	meetings: string[];
	/** User names of the Helpdesk staff, normalised. */
	helpdesk: string[];
}

export interface SettingsProblem {
	/** JSON pointer to the value concerned (`/quorum/finalGo`); '' for the whole page. */
	path: string;
	/** What is wrong and what is expected, in English. */
	message: string;
}

export const SETTINGS_VERSION = 1;

/** The bounds of `settings.schema.json`. */
export const SETTINGS_LIMITS = {
	workingGroups: 50,
	codeLength: 40,
	nameLength: 80,
	userNames: 50,
	days: 365,
	quorum: 50,
	meetings: 120,
} as const;

const CODE_PATTERN = /^[a-z0-9-]{1,40}$/;
const DATE_PATTERN = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const NOT_BLANK = /\S/;

/** The keys the page may hold, in the order `settingsText()` writes them. */
const TOP_KEYS = [ 'version', 'comment', '$comment', 'workingGroups', 'reminders', 'quorum', 'meetings', 'helpdesk' ];

/** What `settingsText()` writes as the page's `comment`. */
export const SETTINGS_COMMENT = 'The Helpdesk staff and the Expert Committee edit this page, and the Helpdesk bot reads it; ' +
	'the format is documented in shared/README.md of the Helpdesk gadget and bot ("Process settings (Settings.json)"), ' +
	'and an invalid edit leaves the last valid settings in force.';

/**
 * The kinds of support each of the six working groups helps with, until the page
 * says otherwise: what a group without an `areas` key on the page helps with (the
 * pages written before the key existed). `"areas": []` turns a group's suggestions off.
 */
export const DEFAULT_AREAS: Readonly<Record<string, readonly SupportKind[]>> = {
	communication: [ 'finding-people' ],
	'project-planning': [ 'copyright', 'other' ],
	implementation: [ 'mass-upload', 'data-upload', 'technical' ],
	evaluation: [],
	'content-use': [ 'content-examples' ],
	'supporting-material': [ 'training-material' ],
};

function defaultAreas( code: string ): SupportKind[] {
	return Object.prototype.hasOwnProperty.call( DEFAULT_AREAS, code ) ? DEFAULT_AREAS[ code ].slice() : [];
}

function group( code: string, en: string, sv: string ): WorkingGroupSetting {
	return { code: code, names: { en: en, sv: sv }, contacts: [], areas: defaultAreas( code ) };
}

/** The settings the Helpdesk starts with: the page deploy creates. */
export const DEFAULT_SETTINGS: ProcessSettings = {
	workingGroups: [
		group( 'communication', 'Communication', 'Kommunikation' ),
		group( 'project-planning', 'Project planning and feedback', 'Projektplanering och återkoppling' ),
		group( 'implementation', 'Implementation', 'Genomförande' ),
		group( 'evaluation', 'Evaluation and research', 'Utvärdering och forskning' ),
		group( 'content-use', 'Use of the content', 'Användning av innehållet' ),
		group( 'supporting-material', 'Creation of supporting material', 'Framtagning av stödmaterial' ),
	],
	reminders: {
		parties: { committee: 14, 'working-group': 30, helpdesk: 21, requester: 30 },
		statuses: { 'support-under-way': 60 },
	},
	quorum: { initialFeedback: 3, finalGo: 5 },
	// The second Thursday of each month.
	meetings: [
		'2026-12-10', '2027-01-14', '2027-02-11', '2027-03-11', '2027-04-08', '2027-05-13', '2027-06-10',
		'2027-07-08', '2027-08-12', '2027-09-09', '2027-10-14', '2027-11-11', '2027-12-09',
	],
	helpdesk: [],
};

// Reading ---------------------------------------------------------------------

type JsonObject = Record<string, unknown>;

function isObject( value: unknown ): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray( value );
}

function has( object: JsonObject, key: string ): boolean {
	return Object.prototype.hasOwnProperty.call( object, key );
}

/** A JSON value as a message shows it: short, on one line, never the whole of a big value. */
function shown( value: unknown ): string {
	if ( typeof value === 'string' ) {
		return '"' + shortened( value, 60 ) + '"';
	}
	if ( typeof value === 'number' || typeof value === 'boolean' || value === null ) {
		return String( value );
	}
	return Array.isArray( value ) ? 'a list' : 'an object';
}

function quoted( key: string ): string {
	return '"' + shortened( key, 60 ) + '"';
}

function characters( text: string ): number {
	return Array.from( text ).length;
}

type Path = ( string | number )[];

const DAYS = 'a whole number of days from 0 to ' + SETTINGS_LIMITS.days + ' (0: never)';
const QUORUM = 'a whole number from 1 to ' + SETTINGS_LIMITS.quorum;
const USER_NAMES = 'a list of at most ' + SETTINGS_LIMITS.userNames + ' user names';

/** What each key must hold, as messages say it. */
const EXPECTED: Readonly<Record<string, string>> = {
	version: String( SETTINGS_VERSION ) + ', the version of the format the bot reads',
	comment: 'text (a note for the editors of the page)',
	workingGroups: 'a list of at most ' + SETTINGS_LIMITS.workingGroups + ' working groups, each { "code": …, "names": …, "contacts": …, "areas": … }',
	reminders: 'an object with parties and statuses',
	quorum: 'an object with initialFeedback and finalGo',
	meetings: 'a list of at most ' + SETTINGS_LIMITS.meetings + ' dates written YYYY-MM-DD, earliest first',
	helpdesk: USER_NAMES,
	code: 'a code of 1 to ' + SETTINGS_LIMITS.codeLength + ' lower-case letters (a–z), digits and hyphens, such as "communication"',
	names: 'an object of names by language code with at least English, such as { "en": "Communication" }',
	contacts: USER_NAMES,
	areas: 'a list of kinds of support, each once: ' + SUPPORT_KINDS.join( ', ' ),
	parties: 'an object with the days for ' + REMINDER_PARTIES.join( ', ' ),
	statuses: 'an object of days by Helpdesk status, such as { "support-under-way": 60 }',
	initialFeedback: QUORUM,
	finalGo: QUORUM,
};

function expected( keys: readonly string[], what: string ): Record<string, string> {
	const result: Record<string, string> = {};
	for ( const key of keys ) {
		result[ key ] = what !== '' ? what : EXPECTED[ key ];
	}
	return result;
}

class Reader {
	public constructor( public problems: SettingsProblem[] = [] ) {}

	/** Adds a problem about the value at `path` (keys and indexes). */
	public add( path: Path, message: string ): void {
		this.problems.push( {
			path: path.map( ( part ) => '/' + String( part ).replace( /~/g, '~0' ).replace( /\//g, '~1' ) ).join( '' ),
			message: message,
		} );
	}

	/** `workingGroups[0].names.en`, as a message names a value. */
	public static label( path: Path ): string {
		return path.map( ( part, index ) => typeof part === 'number' ? '[' + part + ']' :
			( index === 0 ? '' : '.' ) + part ).join( '' );
	}

	public wrong( path: Path, value: unknown, expectation: string ): void {
		this.add( path, path.length === 0 ? 'The page holds ' + shown( value ) + '; it must hold ' + expectation + '.' :
			'The value of ' + Reader.label( path ) + ' is ' + shown( value ) + '; it must be ' + expectation + '.' );
	}

	/**
	 * The object at `path`, or null when it is none. Keys not in `keys` are
	 * problems, and so are missing keys of `required` (key → what it must be).
	 */
	public object(
		path: Path, value: unknown, keys: readonly string[], required: Record<string, string>, expectation: string,
	): JsonObject | null {
		if ( !isObject( value ) ) {
			this.wrong( path, value, expectation );
			return null;
		}
		for ( const key of Object.keys( value ) ) {
			if ( !keys.includes( key ) ) {
				this.add( path.concat( key ), 'The key ' + quoted( key ) + ( path.length ? ' in ' + Reader.label( path ) : '' ) +
					' is not a setting; the keys allowed ' + ( path.length ? 'there' : 'on the page' ) + ' are ' + keys.join( ', ' ) + '.' );
			}
		}
		for ( const key of Object.keys( required ) ) {
			if ( !has( value, key ) ) {
				this.add( path.concat( key ), 'The setting ' + Reader.label( path.concat( key ) ) + ' is missing; it must be ' + required[ key ] + '.' );
			}
		}
		return value;
	}

	/** The whole number at `path` if it is one from `min` to `max`. */
	public integer( path: Path, value: unknown, min: number, max: number, expectation: string ): number {
		if ( typeof value !== 'number' || !Number.isInteger( value ) || value < min || value > max ) {
			this.wrong( path, value, expectation );
			return min;
		}
		return value;
	}

	/** The list at `path` if it is one of at most `max` entries (else its entries are not checked), or []. */
	public list( path: Path, value: unknown, max: number, expectation: string ): unknown[] {
		if ( !Array.isArray( value ) ) {
			this.wrong( path, value, expectation );
			return [];
		}
		if ( value.length > max ) {
			this.add( path, 'The list ' + Reader.label( path ) + ' has ' + value.length + ' entries; it may have at most ' + max + '.' );
			return [];
		}
		return value;
	}

	/** The user names at `path`, normalised, each once. */
	public userNames( path: Path, value: unknown ): string[] {
		const names: string[] = [];
		this.list( path, value, SETTINGS_LIMITS.userNames, USER_NAMES ).forEach( ( entry, index ) => {
			if ( typeof entry !== 'string' ) {
				this.wrong( path.concat( index ), entry, 'a user name' );
				return;
			}
			const name = normaliseUserName( entry );
			const problem = userNameProblem( name );
			if ( problem !== '' ) {
				this.add( path.concat( index ), 'The value of ' + Reader.label( path.concat( index ) ) + ' is ' + shown( entry ) +
					', which cannot be a user name (' + problem + ').' );
			} else if ( !names.includes( name ) ) {
				names.push( name );
			}
		} );
		return names;
	}

	public workingGroups( path: Path, value: unknown ): WorkingGroupSetting[] {
		const groups: WorkingGroupSetting[] = [];
		const seen: Record<string, number> = Object.create( null );
		const keys = [ 'code', 'names', 'contacts', 'areas' ];
		const required = [ 'code', 'names', 'contacts' ];
		this.list( path, value, SETTINGS_LIMITS.workingGroups, EXPECTED.workingGroups ).forEach( ( entry, index ) => {
			const at = path.concat( index );
			const object = this.object( at, entry, keys, expected( required, '' ), 'an object with code, names and contacts (and areas)' );
			if ( !object ) {
				return;
			}
			const code = object.code;
			if ( !has( object, 'code' ) ) {
				// Reported as missing.
			} else if ( typeof code !== 'string' || !CODE_PATTERN.test( code ) ) {
				this.wrong( at.concat( 'code' ), code, EXPECTED.code );
			} else if ( code in seen ) {
				this.add( at.concat( 'code' ), 'The working-group code "' + code + '" of ' + Reader.label( at ) +
					' is also the code of ' + Reader.label( path.concat( seen[ code ] ) ) + '; each group needs a code of its own.' );
			} else {
				seen[ code ] = index;
			}
			groups.push( {
				code: String( code ),
				names: has( object, 'names' ) ? this.names( at.concat( 'names' ), object.names ) : {},
				contacts: has( object, 'contacts' ) ? this.userNames( at.concat( 'contacts' ), object.contacts ) : [],
				areas: has( object, 'areas' ) ? this.areas( at.concat( 'areas' ), object.areas ) : defaultAreas( String( code ) ),
			} );
		} );
		return groups;
	}

	/** The kinds of support at `path`, each once. */
	public areas( path: Path, value: unknown ): SupportKind[] {
		const areas: SupportKind[] = [];
		this.list( path, value, SUPPORT_KINDS.length, EXPECTED.areas ).forEach( ( entry, index ) => {
			const kind = SUPPORT_KINDS.find( ( candidate ) => candidate === entry );
			if ( !kind ) {
				this.wrong( path.concat( index ), entry, 'a kind of support: one of ' + SUPPORT_KINDS.join( ', ' ) );
			} else if ( areas.includes( kind ) ) {
				this.add( path.concat( index ), 'The kind of support "' + kind + '" is listed twice in ' + Reader.label( path ) + '; list each once.' );
			} else {
				areas.push( kind );
			}
		} );
		return areas;
	}

	public names( path: Path, value: unknown ): Record<string, string> {
		const names: Record<string, string> = {};
		if ( !isObject( value ) ) {
			this.wrong( path, value, EXPECTED.names );
			return names;
		}
		for ( const language of Object.keys( value ) ) {
			const name = value[ language ];
			if ( !LANGUAGE_CODE_PATTERN.test( language ) ) {
				this.add( path.concat( language ), 'The key ' + quoted( language ) + ' in ' + Reader.label( path ) +
					' is not a language code; it must be a MediaWiki language code in lower case, such as en or sv.' );
			} else if ( typeof name !== 'string' || !NOT_BLANK.test( name ) || characters( name ) > SETTINGS_LIMITS.nameLength ) {
				this.wrong( path.concat( language ), name, 'a name of 1 to ' + SETTINGS_LIMITS.nameLength + ' characters, not only spaces' );
			} else {
				names[ language ] = name;
			}
		}
		if ( !has( value, 'en' ) ) {
			this.add( path.concat( 'en' ), 'The working group ' + Reader.label( path.slice( 0, -1 ) ) +
				' has no English name (names.en); every working group needs one.' );
		}
		return names;
	}

	public reminders( path: Path, value: unknown ): ProcessSettings[ 'reminders' ] {
		const reminders: ProcessSettings[ 'reminders' ] = {
			parties: { committee: 0, 'working-group': 0, helpdesk: 0, requester: 0 },
			statuses: {},
		};
		const keys = [ 'parties', 'statuses' ];
		const object = this.object( path, value, keys, expected( keys, '' ), EXPECTED.reminders );
		if ( !object ) {
			return reminders;
		}
		const partiesPath = path.concat( 'parties' );
		const parties = has( object, 'parties' ) ?
			this.object( partiesPath, object.parties, REMINDER_PARTIES, expected( REMINDER_PARTIES, DAYS ), EXPECTED.parties ) : null;
		if ( parties ) {
			for ( const party of REMINDER_PARTIES ) {
				if ( has( parties, party ) ) {
					reminders.parties[ party ] = this.integer(
						partiesPath.concat( party ), parties[ party ], 0, SETTINGS_LIMITS.days, DAYS );
				}
			}
		}
		const statusesPath = path.concat( 'statuses' );
		const statuses = object.statuses;
		if ( !has( object, 'statuses' ) ) {
			return reminders;
		}
		if ( !isObject( statuses ) ) {
			this.wrong( statusesPath, statuses, EXPECTED.statuses );
			return reminders;
		}
		for ( const key of Object.keys( statuses ) ) {
			if ( !isStatus( key ) ) {
				this.add( statusesPath.concat( key ), 'The key ' + quoted( key ) + ' in ' + Reader.label( statusesPath ) +
					' is not a Helpdesk status; it must be one of ' + STATUSES.join( ', ' ) + '.' );
			} else {
				reminders.statuses[ key ] = this.integer(
					statusesPath.concat( key ), statuses[ key ], 0, SETTINGS_LIMITS.days, DAYS );
			}
		}
		return reminders;
	}

	public quorum( path: Path, value: unknown ): ProcessSettings[ 'quorum' ] {
		const quorum = { initialFeedback: 1, finalGo: 1 };
		const keys: ( keyof ProcessSettings[ 'quorum' ] )[] = [ 'initialFeedback', 'finalGo' ];
		const object = this.object( path, value, keys, expected( keys, '' ), EXPECTED.quorum );
		for ( const key of keys ) {
			if ( object && has( object, key ) ) {
				quorum[ key ] = this.integer( path.concat( key ), object[ key ], 1, SETTINGS_LIMITS.quorum, QUORUM );
			}
		}
		return quorum;
	}

	public meetings( path: Path, value: unknown ): string[] {
		const meetings: string[] = [];
		let latest = '';
		this.list( path, value, SETTINGS_LIMITS.meetings, EXPECTED.meetings ).forEach( ( entry, index ) => {
			if ( typeof entry !== 'string' || !DATE_PATTERN.test( entry ) || parseTimestamp( entry ) === null ) {
				this.wrong( path.concat( index ), entry, 'a date of the calendar written YYYY-MM-DD, such as "2026-12-10"' );
				return;
			}
			if ( entry <= latest ) {
				this.add( path.concat( index ), 'The meeting ' + entry + ' (' + Reader.label( path.concat( index ) ) + ') ' +
					( meetings.includes( entry ) ? 'is listed twice' : 'is listed after ' + latest + ', a later date' ) +
					'; meetings must be listed earliest first, each date once.' );
			}
			latest = entry > latest ? entry : latest;
			meetings.push( entry );
		} );
		return meetings;
	}
}

/** The keys the page must have. */
const REQUIRED = [ 'version', 'workingGroups', 'reminders', 'quorum', 'meetings', 'helpdesk' ];

/**
 * The settings a Settings.json page holds, and its problems. Never throws. When
 * there is any problem the settings are null, and the caller keeps the last valid
 * ones; each problem names the value (a JSON pointer in `path`) and says what is
 * expected. User names come back normalised (`normaliseUserName()`), each once.
 */
export function readSettings( text: string ): { settings: ProcessSettings | null; problems: SettingsProblem[] } {
	let value: unknown;
	try {
		value = JSON.parse( text );
	} catch ( error ) {
		const detail = error instanceof Error ? ' (' + shortened( error.message, 120 ) + ')' : '';
		return { settings: null, problems: [ { path: '', message: 'The page is not valid JSON' + detail + '.' } ] };
	}
	const reader = new Reader();
	try {
		const page = reader.object( [], value, TOP_KEYS, expected( REQUIRED, '' ),
			'an object with ' + REQUIRED.join( ', ' ) );
		if ( !page ) {
			return { settings: null, problems: reader.problems };
		}
		if ( has( page, 'version' ) && page.version !== SETTINGS_VERSION ) {
			reader.wrong( [ 'version' ], page.version, EXPECTED.version );
		}
		for ( const key of [ 'comment', '$comment' ] ) {
			if ( has( page, key ) && typeof page[ key ] !== 'string' ) {
				reader.wrong( [ key ], page[ key ], EXPECTED.comment );
			}
		}
		const settings: ProcessSettings = {
			workingGroups: has( page, 'workingGroups' ) ? reader.workingGroups( [ 'workingGroups' ], page.workingGroups ) : [],
			reminders: has( page, 'reminders' ) ? reader.reminders( [ 'reminders' ], page.reminders ) :
				{ parties: { committee: 0, 'working-group': 0, helpdesk: 0, requester: 0 }, statuses: {} },
			quorum: has( page, 'quorum' ) ? reader.quorum( [ 'quorum' ], page.quorum ) : { initialFeedback: 1, finalGo: 1 },
			meetings: has( page, 'meetings' ) ? reader.meetings( [ 'meetings' ], page.meetings ) : [],
			helpdesk: has( page, 'helpdesk' ) ? reader.userNames( [ 'helpdesk' ], page.helpdesk ) : [],
		};
		return { settings: reader.problems.length === 0 ? settings : null, problems: reader.problems };
	} catch ( error ) {
		// Not expected: whatever the page holds is read above. A problem all the same.
		reader.add( [], 'The page could not be read (' + shortened( String( error ), 120 ) + ').' );
		return { settings: null, problems: reader.problems };
	}
}

// Using -----------------------------------------------------------------------

/** Days in `status` after which a request is overdue; 0 for never (closed statuses, waiting for nobody). */
export function reminderDays( settings: ProcessSettings, status: Status ): number {
	const party = WAITING_ON[ status ];
	if ( isClosed( status ) || party === 'nobody' ) {
		return 0;
	}
	const own = settings.reminders.statuses[ status ];
	return own !== undefined ? own : settings.reminders.parties[ party ];
}

/** The first meeting on or after `today` (`YYYY-MM-DD`, or a timestamp), or null. */
export function nextMeeting( settings: ProcessSettings, today: string ): string | null {
	const day = today.slice( 0, 10 );
	for ( const meeting of settings.meetings ) {
		if ( meeting >= day ) {
			return meeting;
		}
	}
	return null;
}

/** The last meeting before `meeting` (`YYYY-MM-DD`), or null. */
export function previousMeeting( settings: ProcessSettings, meeting: string ): string | null {
	let previous: string | null = null;
	for ( const date of settings.meetings ) {
		if ( date < meeting ) {
			previous = date;
		}
	}
	return previous;
}

/** Lower case, NFC, `_` `-` and whitespace as single spaces, trimmed. */
function nameKey( text: string ): string {
	return text.normalize( 'NFC' ).toLowerCase().replace( /[_\-\s]+/g, ' ' ).trim();
}

/**
 * The working group meant by what a request page says (`working_group=`): its code
 * or any of its names, in any case, `_` `-` and spaces alike (`Kommunikation`,
 * `project planning`); failing that, a group whose code's words start it
 * (`Communication team`), as Module:Helpdesk request reads it. Null for none.
 */
export function workingGroupByName( settings: ProcessSettings, typed: string ): WorkingGroupSetting | null {
	const key = nameKey( typed );
	if ( key === '' ) {
		return null;
	}
	for ( const setting of settings.workingGroups ) {
		if ( nameKey( setting.code ) === key ) {
			return setting;
		}
	}
	for ( const setting of settings.workingGroups ) {
		if ( Object.keys( setting.names ).some( ( language ) => nameKey( setting.names[ language ] ) === key ) ) {
			return setting;
		}
	}
	for ( const setting of settings.workingGroups ) {
		if ( key.indexOf( nameKey( setting.code ) + ' ' ) === 0 ) {
			return setting;
		}
	}
	return null;
}

/**
 * The name of the group `code` in `language` (`de-at` falls back to `de`), else in
 * English, else the code itself.
 */
export function workingGroupName( settings: ProcessSettings, code: string, language: string ): string {
	const setting = settings.workingGroups.filter( ( candidate ) => candidate.code === code )[ 0 ];
	if ( !setting ) {
		return code;
	}
	const parts = language.toLowerCase().split( '-' );
	for ( let length = parts.length; length > 0; length-- ) {
		const candidate = parts.slice( 0, length ).join( '-' );
		if ( has( setting.names, candidate ) ) {
			return setting.names[ candidate ];
		}
	}
	return has( setting.names, 'en' ) ? setting.names.en : code;
}

/** The text of the Settings.json page holding `settings`, as MediaWiki stores it. */
export function settingsText( settings: ProcessSettings ): string {
	const statuses: Partial<Record<Status, number>> = {};
	for ( const status of STATUSES ) {
		const days = settings.reminders.statuses[ status ];
		if ( days !== undefined ) {
			statuses[ status ] = days;
		}
	}
	const parties: Partial<Record<ReminderParty, number>> = {};
	for ( const party of REMINDER_PARTIES ) {
		parties[ party ] = settings.reminders.parties[ party ];
	}
	return storedJson( {
		version: SETTINGS_VERSION,
		comment: SETTINGS_COMMENT,
		workingGroups: settings.workingGroups.map( ( setting ) => ( {
			code: setting.code,
			names: setting.names,
			contacts: setting.contacts,
			areas: setting.areas,
		} ) ),
		reminders: { parties: parties, statuses: statuses },
		quorum: { initialFeedback: settings.quorum.initialFeedback, finalGo: settings.quorum.finalGo },
		meetings: settings.meetings,
		helpdesk: settings.helpdesk,
	} );
}
