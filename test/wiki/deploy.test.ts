/**
 * `npm run deploy` against a real MediaWiki of its own (so that the first deploy
 * really creates every page): pages equal to the wiki's are not edited, the dry
 * run changes nothing, summaries name the commits, a page changed on the wiki
 * since the last deploy is overwritten only with --force, and a wiki that is not
 * local gets neither a dirty work tree nor an edit of MediaWiki:Gadgets-definition.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Mwn } from 'mwn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build';
import { deploy, DeployResult, runDeploy } from '../../scripts/deploy';
import { gadgetDefinitionLines, OnWikiPage, onWikiPages } from '../../scripts/onwiki-pages';
import type { LocalWiki } from '../../scripts/local-wiki/index';
import { adminSession, createTestWiki, TEST_USER_AGENT, TestWiki } from './setup/test-wiki';
import { deployTarget } from '../../scripts/lib/install-helpdesk';

const GADGETS_DEFINITION = 'MediaWiki:Gadgets-definition';
const LANDING_PAGE = 'Content Partnerships Hub/Helpdesk';
const BADGE_TEMPLATE = 'Template:Helpdesk status/badge';
const COMMITTEE_PAGE = 'Content Partnerships Hub/Helpdesk/Expert Committee';

interface StoredPage {
	title: string;
	missing?: boolean;
	contentmodel: string;
	lastrevid: number;
	revisions?: { comment: string; slots: { main: { content: string } } }[];
}

/** A git work tree of its own, so that commits and changes are the test's to make. */
class WorkTree {
	private constructor( public readonly dir: string ) {}

	public static async create(): Promise<WorkTree> {
		const tree = new WorkTree( await mkdtemp( join( tmpdir(), 'helpdesk-deploy-repo-' ) ) );
		tree.git( 'init', '--quiet' );
		return tree;
	}

	public git( ...args: string[] ): string {
		return execFileSync( 'git', [ '-c', 'user.name=Helpdesk test', '-c', 'user.email=helpdesk@example.org', ...args ], {
			cwd: this.dir, encoding: 'utf8', stdio: [ 'ignore', 'pipe', 'pipe' ],
		} ).trim();
	}

	/** Commit a change; returns the short hash the deploy script names. */
	public async commit( subject: string ): Promise<string> {
		await writeFile( join( this.dir, 'CHANGES' ), subject + '\n', { flag: 'a' } );
		this.git( 'add', 'CHANGES' );
		this.git( 'commit', '--quiet', '-m', subject );
		return this.git( 'rev-parse', '--short=7', 'HEAD' );
	}
}

/** A copy of the built gadget, so that a rebuild during the run changes nothing here. */
async function snapshotOfDist(): Promise<string> {
	const dir = await mkdtemp( join( tmpdir(), 'helpdesk-deploy-dist-' ) );
	if ( existsSync( join( ROOT, 'dist', 'Gadgets-definition.txt' ) ) ) {
		await cp( join( ROOT, 'dist' ), dir, { recursive: true } );
	} else {
		// Not built: deploy the pages, and the definition without its scripts.
		await cp( join( ROOT, 'gadget', 'Gadgets-definition.txt' ), join( dir, 'Gadgets-definition.txt' ) );
	}
	return dir;
}

describe( 'deploy', () => {
	let testWiki: TestWiki;
	let wiki: LocalWiki;
	let admin: Mwn;
	/** Someone other than the deploy account. */
	let person: Mwn;
	let repository: WorkTree;
	let distDir: string;
	let pages: OnWikiPage[];
	let definitions: string;
	let firstCommit: string;
	let secondCommit: string;

	async function stored( titles: string[] ): Promise<Map<string, StoredPage>> {
		const found = new Map<string, StoredPage>();
		for ( let i = 0; i < titles.length; i += 50 ) {
			const response = await admin.request( {
				action: 'query', titles: titles.slice( i, i + 50 ), prop: 'info|revisions',
				rvprop: 'content|comment', rvslots: 'main', formatversion: 2,
			} );
			for ( const page of ( response.query as { pages: StoredPage[] } ).pages ) {
				found.set( page.title, page );
			}
		}
		return found;
	}

	async function revisionIds(): Promise<Record<string, number>> {
		const ids: Record<string, number> = {};
		for ( const [ title, saved ] of await stored( pages.map( ( page ) => page.title ).concat( GADGETS_DEFINITION ) ) ) {
			ids[ title ] = saved.lastrevid;
		}
		return ids;
	}

	async function editByHand( title: string, text: string ): Promise<void> {
		await admin.save( title, text, 'Edited by hand' );
	}

	function run( options: { dryRun?: boolean; force?: boolean; local?: boolean; dist?: string } = {} ): Promise<DeployResult & { log: string }> {
		const lines: string[] = [];
		return deploy( {
			dryRun: options.dryRun || false,
			force: options.force || false,
			target: deployTarget( wiki, options.local !== false ),
			distDir: options.dist || distDir,
			repository: repository.dir,
			log: ( line ) => lines.push( line ),
		} ).then( ( result ) => ( { ...result, log: lines.join( '\n' ) } ) );
	}

	/** `npm run deploy -- ARGS` on the test wiki: the exit code and what was printed. */
	async function runCommand( ...args: string[] ): Promise<{ code: number; log: string }> {
		const lines: string[] = [];
		const code = await runDeploy( args, {
			target: deployTarget( wiki ), distDir: distDir, repository: repository.dir, log: ( line ) => lines.push( line ),
		} );
		return { code: code, log: lines.join( '\n' ) };
	}

	beforeAll( async () => {
		testWiki = await createTestWiki( 'Helpdesk deploy test wiki' );
		wiki = testWiki.wiki;
		admin = await adminSession( wiki );
		person = await Mwn.init( {
			apiUrl: wiki.apiUrl, username: wiki.credentials.bot.botUsername, password: wiki.credentials.bot.botPassword,
			userAgent: TEST_USER_AGENT, silent: true, defaultParams: { formatversion: 2 },
		} );
		repository = await WorkTree.create();
		firstCommit = await repository.commit( 'Start the Helpdesk' );
		distDir = await snapshotOfDist();
		pages = await onWikiPages( { distDir: distDir } );
		definitions = await gadgetDefinitionLines( { distDir: distDir } );
	} );

	afterAll( async () => {
		await testWiki?.teardown();
		for ( const dir of [ repository?.dir, distDir ] ) {
			if ( dir ) {
				await rm( dir, { recursive: true, force: true } );
			}
		}
	} );

	it( 'creates every on-wiki page and the gadget definition, naming the commit', async () => {
		const result = await run();
		const everyTitle = pages.map( ( page ) => page.title ).concat( GADGETS_DEFINITION );
		expect( result.actions.map( ( action ) => [ action.title, action.change ] ) )
			.toEqual( everyTitle.map( ( title ) => [ title, 'create' ] ) );
		expect( result.edited ).toEqual( everyTitle );
		expect( result.skipped ).toEqual( [] );
		expect( result.summary ).toBe( `Deploy Helpdesk from commit ${ firstCommit } (first deploy)` );

		const onWiki = await stored( everyTitle );
		for ( const page of pages ) {
			const saved = onWiki.get( page.title ) as StoredPage;
			expect( saved.missing, page.title ).toBeUndefined();
			expect( saved.revisions?.[ 0 ].slots.main.content, page.title ).toBe( page.text );
			expect( saved.contentmodel, page.title ).toBe( page.contentModel || 'wikitext' );
			expect( saved.revisions?.[ 0 ].comment, page.title ).toBe( result.summary );
		}
		const definition = onWiki.get( GADGETS_DEFINITION )?.revisions?.[ 0 ].slots.main.content as string;
		for ( const line of definitions.split( '\n' ) ) {
			expect( definition.split( '\n' ) ).toContain( line );
		}
		const gadgets = await admin.request( { action: 'query', list: 'gadgets', gaprop: 'id', formatversion: 2 } );
		const ids = ( gadgets.query as { gadgets: { id: string }[] } ).gadgets.map( ( gadget ) => gadget.id );
		expect( ids ).toEqual( expect.arrayContaining( [ 'HelpdeskLoader', 'HelpdeskForm' ] ) );
		if ( existsSync( join( distDir, 'Gadget-HelpdeskLoader.js' ) ) ) {
			expect( pages.map( ( page ) => page.title ) ).toEqual( expect.arrayContaining( [
				'MediaWiki:Gadget-HelpdeskLoader.js', 'MediaWiki:Gadget-HelpdeskForm.js', 'MediaWiki:Gadget-HelpdeskForm.css',
			] ) );
		}
	} );

	it( 'edits nothing when deployed again', async () => {
		const before = await revisionIds();
		const result = await run();
		expect( result.actions.filter( ( action ) => action.change !== 'unchanged' ) ).toEqual( [] );
		expect( result.edited ).toEqual( [] );
		expect( await revisionIds() ).toEqual( before );
		expect( result.summary ).toBe( `Deploy Helpdesk from commit ${ firstCommit } (no new commits since ${ firstCommit })` );
	} );

	it( 'skips a page a person changed since the last deploy, shows both diffs and exits non-zero', async () => {
		const landing = pages.find( ( page ) => page.title === LANDING_PAGE ) as OnWikiPage;
		const deployed = ( await revisionIds() )[ LANDING_PAGE ];
		await person.save( LANDING_PAGE, landing.text + '\n\nA line added by a person.', 'Add a line' );
		await person.save( COMMITTEE_PAGE, 'The committee\'s own list.', 'Our members' );
		const before = await revisionIds();
		secondCommit = await repository.commit( 'Fix the badge colours' );
		const landingLine = `! ${ LANDING_PAGE } (skipped: changed on the wiki since the last deploy)`;
		for ( const args of [ [ '--dry-run' ], [] ] ) {
			const { code, log } = await runCommand( ...args );
			expect( code, args.join( ' ' ) ).toBe( 1 );
			expect( log ).toContain( landingLine );
			expect( log ).toContain( `latest edit by ${ wiki.credentials.bot.username } ("Add a line")` );
			// The change made on the wiki, from the last deploy's revision to the current one …
			expect( log ).toContain( `    --- ${ LANDING_PAGE }\tlast deploy (revision ${ deployed })` );
			expect( log ).toContain( `    +++ ${ LANDING_PAGE }\ton the wiki (revision ${ before[ LANDING_PAGE ] })` );
			expect( log ).toMatch( /^ {4}\+A line added by a person\.$/m );
			// … and what the deploy would write instead.
			expect( log ).toContain( `    --- ${ LANDING_PAGE }\ton the wiki` );
			expect( log ).toMatch( /^ {4}-A line added by a person\.$/m );
			expect( log ).toContain( `= ${ COMMITTEE_PAGE } (unchanged)` );
			expect( log ).toContain( `= ${ BADGE_TEMPLATE } (unchanged)` );
			expect( log ).toMatch( new RegExp( `(Would not overwrite|Not overwritten), changed on the wiki since the last deploy \\(the differences are above\\):\n {2}${ LANDING_PAGE }\n` ) );
			expect( log ).toContain( 'then run again with --force to overwrite these pages.' );
			expect( await revisionIds() ).toEqual( before );
		}
	} );

	it( 'overwrites it with --force, saying so, but never the committee page', async () => {
		const { code, log } = await runCommand( '--force' );
		expect( code ).toBe( 0 );
		const summary = `Deploy Helpdesk from commit ${ secondCommit } (1 commit since ${ firstCommit }: Fix the badge colours)`;
		expect( log ).toContain( `~ ${ LANDING_PAGE } (update, overwriting the changes made on the wiki since the last deploy: --force)` );
		expect( log ).toMatch( /^ {4}\+A line added by a person\.$/m );
		expect( log ).toContain( '1 page(s) edited. Summary: ' + summary );
		const onWiki = await stored( [ LANDING_PAGE, COMMITTEE_PAGE ] );
		const landing = onWiki.get( LANDING_PAGE ) as StoredPage;
		expect( landing.revisions?.[ 0 ].slots.main.content ).toBe( pages.find( ( page ) => page.title === LANDING_PAGE )?.text );
		expect( landing.revisions?.[ 0 ].comment ).toBe( summary );
		expect( onWiki.get( COMMITTEE_PAGE )?.revisions?.[ 0 ].slots.main.content ).toBe( 'The committee\'s own list.' );
		// Deployed again, it is the deploy's own page.
		expect( ( await run() ).edited ).toEqual( [] );
	} );

	it( 'skips a page the deploy account edited with a summary of its own too', async () => {
		await editByHand( BADGE_TEMPLATE, 'Broken by hand' );
		const result = await run();
		expect( result.edited ).toEqual( [] );
		expect( result.skipped ).toEqual( [ BADGE_TEMPLATE ] );
		expect( result.log ).toContain( `latest edit by ${ wiki.credentials.admin.username } ("Edited by hand")` );
	} );

	it( 'refuses a dirty work tree for a wiki that is not local, not for the local one', async () => {
		await writeFile( join( repository.dir, 'notes.txt' ), 'not committed\n' );
		try {
			const before = await revisionIds();
			await expect( run( { local: false } ) ).rejects.toThrow( /dirty work tree:\n {2}\?\? notes\.txt/ );
			expect( await revisionIds() ).toEqual( before );
			// A local wiki takes what is being worked on.
			const result = await run( { force: true } );
			expect( result.edited ).toEqual( [ BADGE_TEMPLATE ] );
			// The last deploy is the newest one on the wiki, not the first one found.
			expect( result.summary ).toBe( `Deploy Helpdesk from commit ${ secondCommit } (no new commits since ${ secondCommit })` );
		} finally {
			await rm( join( repository.dir, 'notes.txt' ) );
		}
	} );

	it( 'never edits MediaWiki:Gadgets-definition of a wiki that is not local, and prints its lines', async () => {
		const otherGadgets = '== tools ==\n* Other[ResourceLoader]|Other.js';
		await editByHand( GADGETS_DEFINITION, otherGadgets );
		await editByHand( BADGE_TEMPLATE, 'Broken by hand again' );
		const definitionRevision = ( await revisionIds() )[ GADGETS_DEFINITION ];
		const result = await run( { local: false, force: true } );
		expect( result.edited ).toEqual( [ BADGE_TEMPLATE ] );
		expect( result.actions.map( ( action ) => action.title ) ).not.toContain( GADGETS_DEFINITION );
		expect( result.log ).toContain( GADGETS_DEFINITION + ' is not edited on this wiki. An interface administrator should make sure it has these lines:\n\n' + definitions );
		const definition = ( await stored( [ GADGETS_DEFINITION ] ) ).get( GADGETS_DEFINITION ) as StoredPage;
		expect( definition.lastrevid ).toBe( definitionRevision );
		expect( definition.revisions?.[ 0 ].slots.main.content ).toBe( otherGadgets );
		// The local wiki's definition is merged: other gadgets stay.
		expect( ( await run() ).skipped ).toEqual( [ GADGETS_DEFINITION ] );
		await run( { force: true } );
		const merged = ( await stored( [ GADGETS_DEFINITION ] ) ).get( GADGETS_DEFINITION )?.revisions?.[ 0 ].slots.main.content;
		expect( merged ).toBe( otherGadgets + '\n\n== helpdesk ==\n' + definitions );
	} );

	describe( 'refuses text that saving would change, on any wiki', () => {
		/** A copy of the build with one more gadget file holding `text`. */
		async function distWith( file: string, text: string ): Promise<string> {
			const dir = await mkdtemp( join( tmpdir(), 'helpdesk-deploy-dist-' ) );
			await cp( distDir, dir, { recursive: true } );
			await writeFile( join( dir, file ), text );
			return dir;
		}

		const unsafe: [ string, string, string, RegExp ][] = [
			[ 'a signature outside <nowiki>', 'Gadget-HelpdeskProbe.js', '// <nowiki>\nvar kept = "~~~~";\n// </nowiki>\nvar signed = "~~~~";\n', /would sign or substitute on save:\n {2}MediaWiki:Gadget-HelpdeskProbe\.js: line 4: ~~~~$/ ],
			[ 'a substitution', 'Gadget-HelpdeskProbe.css', '/* {{subst:CURRENTYEAR}} */\n.helpdesk-probe { color: red; }\n', /would sign or substitute on save:\n {2}MediaWiki:Gadget-HelpdeskProbe\.css: line 1: \{\{subst:$/ ],
			[ 'a control character', 'Gadget-HelpdeskProbe.js', 'var marker = "\u0001";\n', /MediaWiki would change on save:\n {2}MediaWiki:Gadget-HelpdeskProbe\.js: line 1: control character U\+0001$/ ],
			[ 'text not in normal form C', 'Gadget-HelpdeskProbe.js', 'var name = "Rene\u0301";\n', /MediaWiki would change on save:\n {2}MediaWiki:Gadget-HelpdeskProbe\.js: line 1: text not in Unicode normal form C$/ ],
		];

		it.each( unsafe )( '%s', async ( _what, file, text, reason ) => {
			const dist = await distWith( file, text );
			try {
				const before = await revisionIds();
				await expect( run( { dist: dist } ) ).rejects.toThrow( reason );
				await expect( run( { dist: dist, local: false } ) ).rejects.toThrow( reason );
				expect( await revisionIds() ).toEqual( before );
				expect( ( await stored( [ 'MediaWiki:' + file ] ) ).get( 'MediaWiki:' + file )?.missing ).toBe( true );
			} finally {
				await rm( dist, { recursive: true, force: true } );
			}
		} );

		it( 'but deploys a signature inside <nowiki> as it is', async () => {
			const probe = '// <nowiki>\nvar signature = "~~~~"; // {{subst:X}}\n// </nowiki>';
			const dist = await distWith( 'Gadget-HelpdeskProbe.js', probe + '\n' );
			try {
				expect( ( await run( { dist: dist } ) ).edited ).toEqual( [ 'MediaWiki:Gadget-HelpdeskProbe.js' ] );
				const saved = ( await stored( [ 'MediaWiki:Gadget-HelpdeskProbe.js' ] ) ).get( 'MediaWiki:Gadget-HelpdeskProbe.js' );
				expect( saved?.revisions?.[ 0 ].slots.main.content ).toBe( probe );
				const signOff = ( await stored( [ 'Template:Helpdesk sign-off' ] ) ).get( 'Template:Helpdesk sign-off' );
				// So are the examples of signatures in the on-wiki pages.
				expect( signOff?.revisions?.[ 0 ].slots.main.content ).toContain( '<pre>\n{{Helpdesk sign-off|kind=feedback|member=Your user name}} ~~~~' );
			} finally {
				await rm( dist, { recursive: true, force: true } );
			}
		} );
	} );
} );
