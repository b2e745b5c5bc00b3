/**
 * The process settings (Settings.json): what the page may hold, what each mistake
 * is called, and how the bot uses the settings.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_AREAS, DEFAULT_SETTINGS, nextMeeting, previousMeeting, ProcessSettings, readSettings, reminderDays, SETTINGS_COMMENT,
	SETTINGS_LIMITS, settingsText, workingGroupByName, workingGroupName,
} from '../../../shared/settings';
import settingsSchema from '../../../shared/settings.schema.json';
import { isClosed, STATUSES, WAITING_ON, WORKING_GROUPS } from '../../../shared/status';
import { storedJson as botStoredJson } from '../../../bot/plan/json-page';
import { storedJson } from '../../../shared/stored-json';

const PAGE_FILE = new URL( '../../../shared/pages/Content_Partnerships_Hub--Helpdesk--Settings.json', import.meta.url );

/** Page content as tests change it: any JSON at all. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Page = Record<string, any>;

/** A fresh copy of the default page's content, to break. */
function defaults(): Page {
	return JSON.parse( settingsText( DEFAULT_SETTINGS ) );
}

/** The problems of `page` (an object, made into page text). */
function problemsOf( page: unknown ): { path: string; message: string }[] {
	const outcome = readSettings( JSON.stringify( page ) );
	expect( outcome.settings === null ).toBe( outcome.problems.length > 0 );
	return outcome.problems;
}

/** The one problem of the default page changed by `change`. */
function onlyProblem( change: ( page: Page ) => void ): { path: string; message: string } {
	const page = defaults();
	change( page );
	const problems = problemsOf( page );
	expect( problems ).toHaveLength( 1 );
	return problems[ 0 ];
}

function settingsWith( change: ( page: Page ) => void ): ProcessSettings {
	const page = defaults();
	change( page );
	const outcome = readSettings( JSON.stringify( page ) );
	expect( outcome.problems ).toStrictEqual( [] );
	return outcome.settings as ProcessSettings;
}

describe( 'the default settings', () => {
	it( 'are valid, and read back as they are', () => {
		const outcome = readSettings( settingsText( DEFAULT_SETTINGS ) );
		expect( outcome.problems ).toStrictEqual( [] );
		expect( outcome.settings ).toStrictEqual( DEFAULT_SETTINGS );
	} );

	it( 'are the page deploy creates, byte for byte (deploy drops the file\'s final line break)', () => {
		expect( readFileSync( PAGE_FILE, 'utf8' ) ).toBe( settingsText( DEFAULT_SETTINGS ) + '\n' );
	} );

	it( 'have the six working groups, named in English and Swedish, without contacts', () => {
		expect( DEFAULT_SETTINGS.workingGroups.map( ( group ) => group.code ) ).toStrictEqual( [ ...WORKING_GROUPS ] );
		for ( const group of DEFAULT_SETTINGS.workingGroups ) {
			expect( Object.keys( group.names ) ).toStrictEqual( [ 'en', 'sv' ] );
			expect( group.contacts ).toStrictEqual( [] );
		}
		// The labels of Module:Helpdesk request.
		const lua = readFileSync( new URL( '../../../shared/pages/Module-Helpdesk_request.lua', import.meta.url ), 'utf8' );
		for ( const group of DEFAULT_SETTINGS.workingGroups ) {
			expect( lua ).toContain( '[\'' + group.code + '\'] = \'' + group.names.en + '\',' );
		}
		expect( workingGroupName( DEFAULT_SETTINGS, 'communication', 'sv' ) ).toBe( 'Kommunikation' );
	} );

	it( 'have the reminder days, quorums and staff of the design', () => {
		expect( DEFAULT_SETTINGS.reminders ).toStrictEqual( {
			parties: { committee: 14, 'working-group': 30, helpdesk: 21, requester: 30 },
			statuses: { 'support-under-way': 60 },
		} );
		expect( DEFAULT_SETTINGS.quorum ).toStrictEqual( { initialFeedback: 3, finalGo: 5 } );
		expect( DEFAULT_SETTINGS.helpdesk ).toStrictEqual( [] );
	} );

	it( 'meet on the second Thursday of every month from December 2026 through December 2027', () => {
		const expected: string[] = [];
		for ( let month = 11; month <= 23; month++ ) {
			const first = new Date( Date.UTC( 2026 + Math.floor( month / 12 ), month % 12, 1 ) );
			const firstThursday = 1 + ( ( 4 - first.getUTCDay() + 7 ) % 7 );
			first.setUTCDate( firstThursday + 7 );
			expected.push( first.toISOString().slice( 0, 10 ) );
		}
		expect( DEFAULT_SETTINGS.meetings ).toStrictEqual( expected );
		for ( const meeting of DEFAULT_SETTINGS.meetings ) {
			expect( new Date( meeting + 'T00:00:00Z' ).getUTCDay() ).toBe( 4 );
		}
	} );
} );

describe( 'the page text', () => {
	it( 'is stored JSON with tabs and the version, a comment about who edits it and where it is documented', () => {
		const text = settingsText( DEFAULT_SETTINGS );
		expect( text ).toBe( storedJson( JSON.parse( text ) ) );
		expect( text.split( '\n' )[ 1 ] ).toBe( '\t"version": 1,' );
		const page = JSON.parse( text );
		expect( Object.keys( page ) ).toStrictEqual( [ 'version', 'comment', 'workingGroups', 'reminders', 'quorum', 'meetings', 'helpdesk' ] );
		expect( page.comment ).toBe( SETTINGS_COMMENT );
		expect( SETTINGS_COMMENT ).toMatch( /staff and the Expert Committee edit this page/ );
		expect( SETTINGS_COMMENT ).toContain( 'shared/README.md' );
		const readme = readFileSync( new URL( '../../../shared/README.md', import.meta.url ), 'utf8' );
		expect( readme ).toContain( '## Process settings (Settings.json)' );
	} );

	it( 'escapes < > & and line separators as MediaWiki does, and the bot uses the same function', () => {
		expect( storedJson( { a: '<b>&\u2028\u2029' } ) ).toBe( '{\n\t"a": "\\u003Cb\\u003E\\u0026\\u2028\\u2029"\n}' );
		expect( botStoredJson ).toBe( storedJson );
		const named = settingsWith( ( page ) => {
			page.workingGroups[ 0 ].names.de = 'Kommunikation & <Öffentlichkeit>';
		} );
		expect( settingsText( named ) ).toContain( '"de": "Kommunikation \\u0026 \\u003CÖffentlichkeit\\u003E"' );
		expect( readSettings( settingsText( named ) ).settings ).toStrictEqual( named );
	} );
} );

describe( 'readSettings', () => {
	it( 'accepts notes for editors, and settings with no groups, meetings or staff', () => {
		const settings = settingsWith( ( page ) => {
			page.$comment = 'Changed by the committee on 2026-11-01.';
			page.workingGroups = [];
			page.meetings = [];
			page.reminders.statuses = {};
		} );
		expect( settings.workingGroups ).toStrictEqual( [] );
		expect( settings.meetings ).toStrictEqual( [] );
		expect( settings.reminders.statuses ).toStrictEqual( {} );
	} );

	it( 'accepts the bounds', () => {
		const settings = settingsWith( ( page ) => {
			page.reminders.parties.committee = 0;
			page.reminders.parties.helpdesk = 365;
			page.reminders.statuses = { done: 0, submitted: 365 };
			page.quorum = { initialFeedback: 1, finalGo: 50 };
			page.workingGroups[ 0 ].code = 'a'.repeat( 40 );
			page.workingGroups[ 0 ].names.en = 'é'.repeat( 80 );
			page.workingGroups[ 0 ].names[ 'zh-hant' ] = '𝒜'.repeat( 80 );
			page.meetings = [ '2028-02-29', '2028-03-01' ];
			page.helpdesk = Array.from( { length: 50 }, ( _, index ) => 'Staff ' + index );
		} );
		expect( settings.quorum.finalGo ).toBe( 50 );
		expect( settings.helpdesk ).toHaveLength( 50 );
	} );

	it( 'gives each working group the kinds of support it helps with: the page\'s, else those of DEFAULT_AREAS', () => {
		const settings = settingsWith( ( page ) => {
			page.workingGroups[ 0 ].areas = [ 'technical', 'copyright' ];
			page.workingGroups[ 1 ].areas = [];
			// A page written before the key existed.
			delete page.workingGroups[ 2 ].areas;
			page.workingGroups.push( { code: 'legal', names: { en: 'Legal questions' }, contacts: [] } );
		} );
		expect( settings.workingGroups.map( ( group ) => group.areas ) ).toStrictEqual( [
			[ 'technical', 'copyright' ], [], [ 'mass-upload', 'data-upload', 'technical' ], [], [ 'content-examples' ], [ 'training-material' ], [],
		] );
		expect( DEFAULT_SETTINGS.workingGroups.map( ( group ) => group.areas ) ).toStrictEqual(
			DEFAULT_SETTINGS.workingGroups.map( ( group ) => [ ...DEFAULT_AREAS[ group.code ] ] ) );
		expect( readSettings( settingsText( settings ) ).settings ).toStrictEqual( settings );
	} );

	it( 'gives user names normalised, each once', () => {
		const settings = settingsWith( ( page ) => {
			page.helpdesk = [ 'user_name', 'User:User name', ' Another  one ', 'Användare:Åsa' ];
			page.workingGroups[ 1 ].contacts = [ 'benutzer:Zed' ];
		} );
		expect( settings.helpdesk ).toStrictEqual( [ 'User name', 'Another one', 'Åsa' ] );
		expect( settings.workingGroups[ 1 ].contacts ).toStrictEqual( [ 'Zed' ] );
	} );

	describe( 'names each problem with its path and what is expected', () => {
		const cases: [ string, ( page: Page ) => void, string, RegExp ][] = [
			[ 'unknown key', ( page ) => {
				page.quorom = {};
			}, '/quorom', /^The key "quorom" is not a setting; the keys allowed on the page are version, comment, \$comment, workingGroups, .*\.$/ ],
			[ 'missing key', ( page ) => {
				delete page.helpdesk;
			}, '/helpdesk', /^The setting helpdesk is missing; it must be a list of at most 50 user names\.$/ ],
			[ 'wrong version', ( page ) => {
				page.version = 2;
			}, '/version', /^The value of version is 2; it must be 1, / ],
			[ 'comment not text', ( page ) => {
				page.comment = [ 'a' ];
			}, '/comment', /^The value of comment is a list; it must be text/ ],
			[ 'quorum out of range', ( page ) => {
				page.quorum.finalGo = 0;
			}, '/quorum/finalGo', /^The value of quorum\.finalGo is 0; it must be a whole number from 1 to 50\.$/ ],
			[ 'quorum not a whole number', ( page ) => {
				page.quorum.initialFeedback = 2.5;
			}, '/quorum/initialFeedback', /^The value of quorum\.initialFeedback is 2\.5; it must be a whole number from 1 to 50\.$/ ],
			[ 'quorum as text', ( page ) => {
				page.quorum.initialFeedback = '3';
			}, '/quorum/initialFeedback', /^The value of quorum\.initialFeedback is "3"; it must be a whole number/ ],
			[ 'unknown quorum', ( page ) => {
				page.quorum.decision = 3;
			}, '/quorum/decision', /^The key "decision" in quorum is not a setting; the keys allowed there are initialFeedback, finalGo\.$/ ],
			[ 'days out of range', ( page ) => {
				page.reminders.parties[ 'working-group' ] = 366;
			}, '/reminders/parties/working-group', /^The value of reminders\.parties\.working-group is 366; it must be a whole number of days from 0 to 365/ ],
			[ 'negative days', ( page ) => {
				page.reminders.statuses[ 'support-under-way' ] = -1;
			}, '/reminders/statuses/support-under-way', /^The value of reminders\.statuses\.support-under-way is -1; / ],
			[ 'missing party', ( page ) => {
				delete page.reminders.parties.requester;
			}, '/reminders/parties/requester', /^The setting reminders\.parties\.requester is missing; it must be a whole number of days/ ],
			[ 'party nobody', ( page ) => {
				page.reminders.parties.nobody = 0;
			}, '/reminders/parties/nobody', /^The key "nobody" in reminders\.parties is not a setting; .*committee, working-group, helpdesk, requester\.$/ ],
			[ 'status that is not one', ( page ) => {
				page.reminders.statuses.finished = 10;
			}, '/reminders/statuses/finished', /^The key "finished" in reminders\.statuses is not a Helpdesk status; it must be one of submitted, .*withdrawn\.$/ ],
			[ 'statuses not an object', ( page ) => {
				page.reminders.statuses = [];
			}, '/reminders/statuses', /^The value of reminders\.statuses is a list; it must be an object of days by Helpdesk status/ ],
			[ 'reminders missing statuses', ( page ) => {
				delete page.reminders.statuses;
			}, '/reminders/statuses', /^The setting reminders\.statuses is missing; it must be an object of days by Helpdesk status/ ],
			[ 'bad code', ( page ) => {
				page.workingGroups[ 2 ].code = 'Implementation';
			}, '/workingGroups/2/code', /^The value of workingGroups\[2\]\.code is "Implementation"; it must be a code of 1 to 40 lower-case letters/ ],
			[ 'long code', ( page ) => {
				page.workingGroups[ 2 ].code = 'a'.repeat( 41 );
			}, '/workingGroups/2/code', /^The value of workingGroups\[2\]\.code is "a{41}"; / ],
			[ 'duplicate code', ( page ) => {
				page.workingGroups[ 4 ].code = 'communication';
			}, '/workingGroups/4/code', /^The working-group code "communication" of workingGroups\[4\] is also the code of workingGroups\[0\]; each group needs a code of its own\.$/ ],
			[ 'no English name', ( page ) => {
				delete page.workingGroups[ 1 ].names.en;
			}, '/workingGroups/1/names/en', /^The working group workingGroups\[1\] has no English name \(names\.en\); every working group needs one\.$/ ],
			[ 'empty name', ( page ) => {
				page.workingGroups[ 1 ].names.sv = ' ';
			}, '/workingGroups/1/names/sv', /^The value of workingGroups\[1\]\.names\.sv is " "; it must be a name of 1 to 80 characters, not only spaces\.$/ ],
			[ 'long name', ( page ) => {
				page.workingGroups[ 1 ].names.en = 'x'.repeat( 81 );
			}, '/workingGroups/1/names/en', /^The value of workingGroups\[1\]\.names\.en is "x{59}…"; it must be a name of 1 to 80 characters/ ],
			[ 'bad language code', ( page ) => {
				page.workingGroups[ 1 ].names.Swedish = 'Projektplanering';
			}, '/workingGroups/1/names/Swedish', /^The key "Swedish" in workingGroups\[1\]\.names is not a language code; / ],
			[ 'extra group key', ( page ) => {
				page.workingGroups[ 0 ].contact = [ 'Someone' ];
			}, '/workingGroups/0/contact', /^The key "contact" in workingGroups\[0\] is not a setting; the keys allowed there are code, names, contacts, areas\.$/ ],
			[ 'group not an object', ( page ) => {
				page.workingGroups[ 5 ] = 'supporting-material';
			}, '/workingGroups/5', /^The value of workingGroups\[5\] is "supporting-material"; it must be an object with code, names and contacts \(and areas\)\.$/ ],
			[ 'area not a kind of support', ( page ) => {
				page.workingGroups[ 2 ].areas = [ 'mass-upload', 'Mass upload' ];
			}, '/workingGroups/2/areas/1', /^The value of workingGroups\[2\]\.areas\[1\] is "Mass upload"; it must be a kind of support: one of mass-upload, data-upload, .*, other\.$/ ],
			[ 'area twice', ( page ) => {
				page.workingGroups[ 2 ].areas = [ 'technical', 'technical' ];
			}, '/workingGroups/2/areas/1', /^The kind of support "technical" is listed twice in workingGroups\[2\]\.areas; list each once\.$/ ],
			[ 'areas not a list', ( page ) => {
				page.workingGroups[ 0 ].areas = 'finding-people';
			}, '/workingGroups/0/areas', /^The value of workingGroups\[0\]\.areas is "finding-people"; it must be a list of kinds of support, each once: mass-upload, .*\.$/ ],
			[ 'bad contact', ( page ) => {
				page.workingGroups[ 0 ].contacts = [ 'Good name', 'Bad@name' ];
			}, '/workingGroups/0/contacts/1', /^The value of workingGroups\[0\]\.contacts\[1\] is "Bad@name", which cannot be a user name \(contains "@", which user names may not\)\.$/ ],
			[ 'IP address as staff', ( page ) => {
				page.helpdesk = [ '127.0.0.1' ];
			}, '/helpdesk/0', /^The value of helpdesk\[0\] is "127\.0\.0\.1", which cannot be a user name \(an IP address\)\.$/ ],
			[ 'empty user name', ( page ) => {
				page.helpdesk = [ 'User:' ];
			}, '/helpdesk/0', /^The value of helpdesk\[0\] is "User:", which cannot be a user name \(empty\)\.$/ ],
			[ 'user name not text', ( page ) => {
				page.helpdesk = [ 12 ];
			}, '/helpdesk/0', /^The value of helpdesk\[0\] is 12; it must be a user name\.$/ ],
			[ 'too many staff', ( page ) => {
				page.helpdesk = Array.from( { length: 51 }, ( _, index ) => 'Staff ' + index );
			}, '/helpdesk', /^The list helpdesk has 51 entries; it may have at most 50\.$/ ],
			[ 'too many meetings', ( page ) => {
				page.meetings = Array.from( { length: 121 }, ( _, index ) => new Date( Date.UTC( 2027, 0, 1 + index ) ).toISOString().slice( 0, 10 ) );
			}, '/meetings', /^The list meetings has 121 entries; it may have at most 120\.$/ ],
			[ 'date that does not exist', ( page ) => {
				page.meetings[ 2 ] = '2027-02-29';
			}, '/meetings/2', /^The value of meetings\[2\] is "2027-02-29"; it must be a date of the calendar written YYYY-MM-DD/ ],
			[ 'date with a time', ( page ) => {
				page.meetings[ 12 ] = '2027-12-09T10:00:00Z';
			}, '/meetings/12', /^The value of meetings\[12\] is "2027-12-09T10:00:00Z"; / ],
			[ 'date with a space', ( page ) => {
				page.meetings[ 12 ] = '2027-12-09 ';
			}, '/meetings/12', /^The value of meetings\[12\] is "2027-12-09 "; / ],
			[ 'meetings out of order', ( page ) => {
				page.meetings.push( '2027-06-01' );
			}, '/meetings/13', /^The meeting 2027-06-01 \(meetings\[13\]\) is listed after 2027-12-09, a later date; meetings must be listed earliest first, each date once\.$/ ],
			[ 'meeting twice', ( page ) => {
				page.meetings.push( '2027-12-09' );
			}, '/meetings/13', /^The meeting 2027-12-09 \(meetings\[13\]\) is listed twice; / ],
			[ 'meetings not a list', ( page ) => {
				page.meetings = '2027-01-14';
			}, '/meetings', /^The value of meetings is "2027-01-14"; it must be a list of at most 120 dates/ ],
			[ 'key with a slash and a tilde', ( page ) => {
				page.quorum[ 'a/b~c' ] = 1;
			}, '/quorum/a~1b~0c', /^The key "a\/b~c" in quorum is not a setting; / ],
		];
		for ( const [ name, change, path, message ] of cases ) {
			it( name, () => {
				const problem = onlyProblem( change );
				expect( problem.path ).toBe( path );
				expect( problem.message ).toMatch( message );
			} );
		}
	} );

	it( 'reports every problem of a page, not only the first', () => {
		const page = defaults();
		page.quorum.finalGo = 0;
		page.helpdesk = [ 'a|b' ];
		page.meetings = [ '2027-13-01' ];
		expect( problemsOf( page ).map( ( problem ) => problem.path ) ).toStrictEqual( [ '/quorum/finalGo', '/meetings/0', '/helpdesk/0' ] );
	} );

	describe( 'never throws, whatever the page holds', () => {
		const hostile: [ string, string, RegExp ][] = [
			[ 'not JSON', '{ "version": 1,', /^The page is not valid JSON/ ],
			[ 'empty', '', /^The page is not valid JSON/ ],
			[ 'a JSON list', '[ 1, 2 ]', /^The page holds a list; it must hold an object with version, / ],
			[ 'JSON null', 'null', /^The page holds null; / ],
			[ 'a JSON string', '"settings"', /^The page holds "settings"; / ],
			[ 'a 1 MB string', JSON.stringify( 'x'.repeat( 1048576 ) ), /^The page holds "x{59}…"; / ],
		];
		for ( const [ name, text, message ] of hostile ) {
			it( name, () => {
				const outcome = readSettings( text );
				expect( outcome.settings ).toBeNull();
				expect( outcome.problems ).toHaveLength( 1 );
				expect( outcome.problems[ 0 ].path ).toBe( '' );
				expect( outcome.problems[ 0 ].message ).toMatch( message );
				expect( outcome.problems[ 0 ].message.length ).toBeLessThan( 400 );
			} );
		}

		it( 'a 1 MB name, comment and key', () => {
			const big = 'y'.repeat( 1048576 );
			const page = defaults();
			page.workingGroups[ 0 ].names.en = big;
			page.comment = big;
			page[ big ] = 1;
			const problems = problemsOf( page );
			expect( problems.map( ( problem ) => problem.path.slice( 0, 20 ) ) ).toStrictEqual( [ '/yyyyyyyyyyyyyyyyyyy', '/workingGroups/0/nam' ] );
			for ( const problem of problems ) {
				expect( problem.message.length ).toBeLessThan( 400 );
			}
		} );

		it( '__proto__ and constructor keys', () => {
			const text = settingsText( DEFAULT_SETTINGS )
				.replace( '"version": 1,', '"__proto__": { "quorum": 1 }, "constructor": 1, "version": 1,' )
				.replace( '"finalGo": 5', '"finalGo": 5, "__proto__": 9' )
				.replace( '"support-under-way": 60', '"support-under-way": 60, "__proto__": 9, "toString": 1' )
				.replace( '"sv": "Kommunikation"', '"sv": "Kommunikation", "__proto__": "x"' );
			const outcome = readSettings( text );
			expect( outcome.settings ).toBeNull();
			expect( outcome.problems.map( ( problem ) => problem.path ) ).toStrictEqual( [
				'/__proto__', '/constructor', '/workingGroups/0/names/__proto__', '/reminders/statuses/__proto__',
				'/reminders/statuses/toString', '/quorum/__proto__',
			] );
			expect( ( {} as Record<string, unknown> ).quorum ).toBeUndefined();
		} );

		it( 'a deeply nested value', () => {
			const deep = '['.repeat( 100000 ) + ']'.repeat( 100000 );
			for ( const text of [ deep, '{ "version": 1, "comment": ' + deep + ' }', '{ "meetings": [ ' + deep + ' ] }' ] ) {
				const outcome = readSettings( text );
				expect( outcome.settings ).toBeNull();
				expect( outcome.problems.length ).toBeGreaterThan( 0 );
			}
		} );

		it( 'a value that is not text at all', () => {
			const outcome = readSettings( undefined as unknown as string );
			expect( outcome.settings ).toBeNull();
			expect( outcome.problems ).toHaveLength( 1 );
		} );
	} );
} );

describe( 'reminderDays', () => {
	it( 'is the status\'s own days, else its party\'s, and 0 for closed statuses', () => {
		expect( STATUSES.map( ( status ) => [ status, reminderDays( DEFAULT_SETTINGS, status ) ] ) ).toStrictEqual( [
			[ 'submitted', 14 ],
			[ 'initial-feedback', 14 ],
			[ 'working-group', 30 ],
			[ 'awaiting-final-go', 14 ],
			[ 'approved', 21 ],
			[ 'declined', 0 ],
			[ 'support-under-way', 60 ],
			[ 'done', 0 ],
			[ 'on-hold', 30 ],
			[ 'withdrawn', 0 ],
		] );
	} );

	it( 'follows the settings, and 0 in them means never', () => {
		const settings = settingsWith( ( page ) => {
			page.reminders = {
				parties: { committee: 7, 'working-group': 0, helpdesk: 5, requester: 9 },
				statuses: { approved: 0, 'awaiting-final-go': 3, done: 100, declined: 100 },
			};
		} );
		expect( reminderDays( settings, 'submitted' ) ).toBe( 7 );
		expect( reminderDays( settings, 'awaiting-final-go' ) ).toBe( 3 );
		expect( reminderDays( settings, 'working-group' ) ).toBe( 0 );
		expect( reminderDays( settings, 'approved' ) ).toBe( 0 );
		expect( reminderDays( settings, 'support-under-way' ) ).toBe( 5 );
		expect( reminderDays( settings, 'on-hold' ) ).toBe( 9 );
		for ( const status of STATUSES ) {
			if ( isClosed( status ) || WAITING_ON[ status ] === 'nobody' ) {
				expect( reminderDays( settings, status ), status ).toBe( 0 );
			}
		}
	} );
} );

describe( 'meetings', () => {
	const settings = settingsWith( ( page ) => {
		page.meetings = [ '2026-12-10', '2027-01-14', '2027-02-11' ];
	} );

	it( 'the next is the first on or after today', () => {
		expect( nextMeeting( settings, '2026-01-01' ) ).toBe( '2026-12-10' );
		expect( nextMeeting( settings, '2026-12-10' ) ).toBe( '2026-12-10' );
		expect( nextMeeting( settings, '2026-12-11' ) ).toBe( '2027-01-14' );
		expect( nextMeeting( settings, '2027-01-14T23:59:59Z' ) ).toBe( '2027-01-14' );
		expect( nextMeeting( settings, '2027-02-12' ) ).toBeNull();
		expect( nextMeeting( { ...settings, meetings: [] }, '2026-01-01' ) ).toBeNull();
	} );

	it( 'the previous is the last before a meeting', () => {
		expect( previousMeeting( settings, '2026-12-10' ) ).toBeNull();
		expect( previousMeeting( settings, '2027-01-14' ) ).toBe( '2026-12-10' );
		expect( previousMeeting( settings, '2027-02-11' ) ).toBe( '2027-01-14' );
		expect( previousMeeting( settings, '2027-01-20' ) ).toBe( '2027-01-14' );
		expect( previousMeeting( settings, '2030-01-01' ) ).toBe( '2027-02-11' );
	} );
} );

describe( 'working groups', () => {
	it( 'are found by code or by name in English or Swedish, in any case, with _ - and spaces alike', () => {
		const found = ( typed: string ): string | null => {
			const group = workingGroupByName( DEFAULT_SETTINGS, typed );
			return group ? group.code : null;
		};
		expect( found( 'communication' ) ).toBe( 'communication' );
		expect( found( 'Kommunikation' ) ).toBe( 'communication' );
		expect( found( ' KOMMUNIKATION ' ) ).toBe( 'communication' );
		expect( found( 'project_planning' ) ).toBe( 'project-planning' );
		expect( found( 'Project planning and feedback' ) ).toBe( 'project-planning' );
		expect( found( 'projektplanering_och_återkoppling' ) ).toBe( 'project-planning' );
		expect( found( 'Utvärdering och forskning' ) ).toBe( 'evaluation' );
		expect( found( 'Utva\u0308rdering och forskning' ) ).toBe( 'evaluation' );
		expect( found( 'use of the content' ) ).toBe( 'content-use' );
		expect( found( 'Framtagning  av stödmaterial' ) ).toBe( 'supporting-material' );
		expect( found( 'Communication team' ) ).toBe( 'communication' );
		expect( found( 'Communications' ) ).toBeNull();
		expect( found( 'Marketing' ) ).toBeNull();
		expect( found( '' ) ).toBeNull();
		expect( found( ' _ ' ) ).toBeNull();
	} );

	it( 'are found by the names the settings give them', () => {
		const settings = settingsWith( ( page ) => {
			page.workingGroups.push( { code: 'legal', names: { en: 'Legal questions', de: 'Rechtsfragen' }, contacts: [ 'Jurist' ] } );
		} );
		expect( workingGroupByName( settings, 'rechtsfragen' ) ).toStrictEqual(
			{ code: 'legal', names: { en: 'Legal questions', de: 'Rechtsfragen' }, contacts: [ 'Jurist' ], areas: [] } );
		expect( workingGroupByName( DEFAULT_SETTINGS, 'rechtsfragen' ) ).toBeNull();
	} );

	it( 'are named in the language asked for, else in English, else by code', () => {
		expect( workingGroupName( DEFAULT_SETTINGS, 'evaluation', 'sv' ) ).toBe( 'Utvärdering och forskning' );
		expect( workingGroupName( DEFAULT_SETTINGS, 'evaluation', 'SV' ) ).toBe( 'Utvärdering och forskning' );
		expect( workingGroupName( DEFAULT_SETTINGS, 'evaluation', 'sv-x-formal' ) ).toBe( 'Utvärdering och forskning' );
		expect( workingGroupName( DEFAULT_SETTINGS, 'evaluation', 'en' ) ).toBe( 'Evaluation and research' );
		expect( workingGroupName( DEFAULT_SETTINGS, 'evaluation', 'fr' ) ).toBe( 'Evaluation and research' );
		expect( workingGroupName( DEFAULT_SETTINGS, 'evaluation', '' ) ).toBe( 'Evaluation and research' );
		expect( workingGroupName( DEFAULT_SETTINGS, 'legal', 'sv' ) ).toBe( 'legal' );
	} );
} );

describe( 'the schema', () => {
	it( 'has the limits of SETTINGS_LIMITS and the statuses of STATUSES', () => {
		const properties = settingsSchema.properties;
		expect( properties.workingGroups.maxItems ).toBe( SETTINGS_LIMITS.workingGroups );
		expect( properties.workingGroups.items.properties.code.pattern ).toBe( '^[a-z0-9-]{1,' + SETTINGS_LIMITS.codeLength + '}$' );
		expect( properties.workingGroups.items.properties.names.additionalProperties.maxLength ).toBe( SETTINGS_LIMITS.nameLength );
		expect( settingsSchema.$defs.userNames.maxItems ).toBe( SETTINGS_LIMITS.userNames );
		expect( settingsSchema.$defs.days.maximum ).toBe( SETTINGS_LIMITS.days );
		expect( properties.quorum.properties.finalGo.maximum ).toBe( SETTINGS_LIMITS.quorum );
		expect( properties.meetings.maxItems ).toBe( SETTINGS_LIMITS.meetings );
		expect( properties.reminders.properties.statuses.propertyNames.enum ).toStrictEqual( [ ...STATUSES ] );
		for ( const party of Object.values( properties.reminders.properties.parties.properties ) ) {
			expect( party.maximum ).toBe( SETTINGS_LIMITS.days );
		}
	} );
} );
