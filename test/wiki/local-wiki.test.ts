/**
 * The local wiki has what the Helpdesk relies on on Meta-Wiki, its accounts log
 * in, what one request changes the next one sees, and its lifecycle holds.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiParams, Mwn } from 'mwn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	addAbuseFilter, changeAbuseFilter, createLocalWiki, editPageAsAdmin, LocalWiki, questyCaptchaSettings, resetWiki,
	setExtraSettings, startWiki, stopWiki, TEST_CAPTCHA, wikiStatus,
} from '../../scripts/local-wiki/index';
import { sharedTestWiki } from './setup/shared-wiki';
import { createTestWiki, TEST_USER_AGENT, TestWiki } from './setup/test-wiki';

const RUN = Date.now().toString( 36 );

function logIn( wiki: LocalWiki, username: string, password: string ): Promise<Mwn> {
	return Mwn.init( {
		apiUrl: wiki.apiUrl, username: username, password: password,
		userAgent: TEST_USER_AGENT, silent: true, suppressAPIWarnings: true,
	} );
}

/** The `query` part of an API answer, in the shape the test expects. */
async function query<T>( client: Mwn, params: ApiParams ): Promise<T> {
	const response = await client.request( { action: 'query', ...params } );
	return response.query as T;
}

interface UserInfo {
	userinfo: { name: string; groups: string[]; rights: string[] };
}

interface CategoryMembers {
	categorymembers: { title: string }[];
}

interface EditAnswer {
	edit: { result: string; captcha?: { type: string; id: string; question: string } };
}

function logInAsBot( wiki: LocalWiki ): Promise<Mwn> {
	return logIn( wiki, wiki.credentials.bot.botUsername, wiki.credentials.bot.botPassword );
}

describe( 'the local wiki', () => {
	let wiki: LocalWiki;
	let bot: Mwn;

	beforeAll( async () => {
		wiki = sharedTestWiki();
		bot = await logInAsBot( wiki );
	} );

	it( 'has the extensions and skins the Helpdesk relies on', async () => {
		const siteinfo = await query<{
			extensions: { name: string }[];
			skins: { code: string; default?: boolean }[];
			general: { generator: string };
		}>( bot, { meta: 'siteinfo', siprop: 'extensions|skins|general' } );
		const extensions = siteinfo.extensions.map( ( extension ) => extension.name );
		expect( extensions ).toEqual( expect.arrayContaining( [
			'Gadgets', 'ParserFunctions', 'Scribunto', 'TemplateData', 'Cite', 'ConfirmEdit', 'Abuse Filter',
		] ) );
		const skins = siteinfo.skins;
		expect( skins.map( ( skin ) => skin.code ) ).toEqual( expect.arrayContaining( [ 'vector-2022', 'minerva' ] ) );
		expect( skins.find( ( skin ) => skin.default )?.code ).toBe( 'vector-2022' );
		expect( siteinfo.general.generator ).toMatch( /^MediaWiki 1\.39\./ );
	} );

	it( 'runs a Lua module', async () => {
		await bot.create( `Module:Helpdesk probe ${ RUN }`, [
			'local p = {}',
			'function p.greet( frame )',
			'\treturn "Hello, " .. frame.args[ 1 ] .. " (" .. string.rep( "ab", 2 ) .. ")"',
			'end',
			'return p',
		].join( '\n' ), 'Lua probe' );
		const html = await bot.parseWikitext( `{{#invoke:Helpdesk probe ${ RUN }|greet|Kenji}}` );
		expect( html ).toContain( 'Hello, Kenji (abab)' );
		expect( html ).not.toContain( 'scribunto-error' );
	} );

	it( 'evaluates #time and #switch', async () => {
		const html = await bot.parseWikitext( '{{#time:Y-m-d|2024-05-01 + 1 day}} {{#switch:final go|submitted=A|final go=B|#default=C}}' );
		expect( html ).toContain( '2024-05-02 B' );
	} );

	it( 'logs the bot in with its bot password, in the bot group', async () => {
		const { userinfo } = await query<UserInfo>( bot, { meta: 'userinfo', uiprop: 'groups|rights' } );
		expect( userinfo.name ).toBe( wiki.credentials.bot.username );
		expect( userinfo.groups ).toContain( 'bot' );
		expect( userinfo.rights ).toContain( 'edit' );
		expect( userinfo.rights ).not.toContain( 'editsitejs' );
	} );

	it( 'lets Admin’s deploy bot password edit a gadget, which loads unchanged; the bot may not', async () => {
		const admin = await logIn( wiki, wiki.credentials.admin.botUsername, wiki.credentials.admin.botPassword );
		const { userinfo } = await query<UserInfo>( admin, { meta: 'userinfo', uiprop: 'groups|rights' } );
		expect( userinfo.groups ).toEqual( expect.arrayContaining( [ 'sysop', 'bureaucrat', 'interface-admin' ] ) );
		expect( userinfo.rights ).toContain( 'editsitejs' );

		const gadget = `helpdesk-probe-${ RUN }`;
		// ES2017, as Meta-Wiki accepts: the local wiki must not reject it as ES5.
		const code = 'window.helpdeskProbe = async ( who ) => `Hello, ${ who }`;';
		await admin.create( `MediaWiki:Gadget-${ gadget }.js`, code, 'Gadget probe' );
		const definition = 'MediaWiki:Gadgets-definition';
		const current = await admin.read( definition );
		const before = current.missing ? '' : current.revisions?.[ 0 ].content || '';
		await admin.save( definition, `${ before }\n* ${ gadget }[ResourceLoader|hidden]|${ gadget }.js`, 'Gadget probe' );
		try {
			const response = await fetch( `${ wiki.server }/load.php?modules=ext.gadget.${ gadget }&lang=en&skin=vector-2022` );
			const script = await response.text();
			expect( script ).toContain( 'window.helpdeskProbe=async' );
			expect( script ).not.toContain( 'parse error' );
		} finally {
			await admin.save( definition, before, 'Gadget probe done' );
		}

		await expect( bot.save( `MediaWiki:Gadget-${ gadget }.js`, '/* not allowed */', 'Bot probe' ) ).rejects.toMatchObject( { code: expect.stringMatching( /protected/ ) } );
	} );

	it( 'shows a new page’s categories, and a template’s new category, to the very next request', async () => {
		const template = `Template:Helpdesk probe ${ RUN }`;
		const page = `Helpdesk probe ${ RUN }/Request`;
		await bot.create( template, 'status', 'Template probe' );
		await bot.create( page, `{{${ template.slice( 'Template:'.length ) }}} [[Category:Helpdesk probe ${ RUN } pages]]`, 'Page probe' );
		const pages = await query<CategoryMembers>( bot, { list: 'categorymembers', cmtitle: `Category:Helpdesk probe ${ RUN } pages` } );
		expect( pages.categorymembers.map( ( member ) => member.title ) ).toEqual( [ page ] );

		// Pages using a template get its new category through the job queue.
		await bot.save( template, `status<includeonly>[[Category:Helpdesk probe ${ RUN } by template]]</includeonly>`, 'Template probe' );
		const members = await query<CategoryMembers>( bot, { list: 'categorymembers', cmtitle: `Category:Helpdesk probe ${ RUN } by template` } );
		expect( members.categorymembers.map( ( member ) => member.title ) ).toEqual( [ page ] );
	} );

	it( 'asks no CAPTCHA by default, and a QuestyCaptcha when a test turns it on', async () => {
		const requester = wiki.credentials.users.find( ( user ) => user.role === 'requester' );
		if ( !requester ) {
			throw new Error( 'No requester account' );
		}
		const client = await logIn( wiki, requester.username, requester.password );
		const edit = async ( title: string, extra: Record<string, string> = {} ): Promise<EditAnswer> => ( await client.request( {
			action: 'edit', title: title, text: 'Our collection: https://example.org/collection', summary: 'Link', token: client.csrfToken, ...extra,
		} ) ) as EditAnswer;

		const free = await edit( `Helpdesk probe ${ RUN }/Link without CAPTCHA` );
		expect( free.edit.result ).toBe( 'Success' );

		await setExtraSettings( wiki, questyCaptchaSettings() );
		try {
			const challenged = await edit( `Helpdesk probe ${ RUN }/Link with CAPTCHA` );
			expect( challenged.edit.result ).toBe( 'Failure' );
			expect( challenged.edit.captcha ).toMatchObject( { type: 'question', question: TEST_CAPTCHA.question } );
			const answered = await edit( `Helpdesk probe ${ RUN }/Link with CAPTCHA`, {
				captchaid: challenged.edit.captcha?.id || '', captchaword: TEST_CAPTCHA.answer,
			} );
			expect( answered.edit.result ).toBe( 'Success' );
		} finally {
			await setExtraSettings( wiki, '' );
		}
	} );

	it( 'runs an AbuseFilter filter a test adds, until the test turns it off', async () => {
		const requester = wiki.credentials.users.find( ( user ) => user.role === 'requester' );
		if ( !requester ) {
			throw new Error( 'No requester account' );
		}
		const client = await logIn( wiki, requester.username, requester.password );
		const title = `Helpdesk probe ${ RUN }/Filtered`;
		const filter = {
			description: `Helpdesk probe ${ RUN }`,
			rules: `action === "edit" & added_lines irlike "forbidden ${ RUN }"`,
			actions: { disallow: [] },
		};
		const id = await addAbuseFilter( wiki, filter );
		try {
			await expect( client.save( title, `A forbidden ${ RUN } word`, 'Filter probe' ) ).rejects.toMatchObject( { code: 'abusefilter-disallowed' } );
		} finally {
			await changeAbuseFilter( wiki, id, { ...filter, enabled: false } );
		}
		await client.save( title, `A forbidden ${ RUN } word`, 'Filter probe' );
		expect( ( await client.read( title ) ).revisions?.[ 0 ].content ).toBe( `A forbidden ${ RUN } word` );
	} );

	it( 'applies extra settings from the very next request, and their removal too', async () => {
		const sitename = async (): Promise<string> => ( await query<{ general: { sitename: string } }>( bot, { meta: 'siteinfo' } ) ).general.sitename;
		try {
			await setExtraSettings( wiki, `$wgSitename = 'Helpdesk probe ${ RUN }';` );
			expect( await sitename() ).toBe( `Helpdesk probe ${ RUN }` );
		} finally {
			await setExtraSettings( wiki, '' );
		}
		expect( await sitename() ).toBe( 'Helpdesk test wiki' );
	} );

	it( 'refuses extra settings that are not valid PHP, and keeps answering', async () => {
		await expect( setExtraSettings( wiki, '$wgSitename = ;' ) ).rejects.toMatchObject( { code: 'invalid-settings' } );
		const siteinfo = await query<{ general: { sitename: string } }>( bot, { meta: 'siteinfo' } );
		expect( siteinfo.general.sitename ).toBe( 'Helpdesk test wiki' );
	} );

	it( 'saves a page as Admin through the maintenance script', async () => {
		const title = `Helpdesk probe ${ RUN }/Bootstrap`;
		await editPageAsAdmin( wiki, title, 'Set up by the maintenance script.', 'Bootstrap' );
		const page = await bot.read( title, { rvprop: [ 'content', 'user' ] } );
		expect( page.revisions?.[ 0 ] ).toMatchObject( { content: 'Set up by the maintenance script.', user: 'Admin' } );
	} );
} );

describe( 'a local wiki’s lifecycle', () => {
	let test: TestWiki;

	beforeAll( async () => {
		test = await createTestWiki( 'Lifecycle probe' );
	} );

	afterAll( async () => {
		await test.teardown();
	} );

	it( 'starts once, stops its process group, refuses a taken port and restarts with the same accounts', async () => {
		const { wiki } = test;
		const status = await wikiStatus( wiki.dir );
		expect( status ).toMatchObject( { running: true, installed: true, port: wiki.port, server: wiki.server } );

		const again = await startWiki( wiki );
		expect( again ).toEqual( { alreadyRunning: true, pid: status.pid, port: wiki.port } );

		expect( await stopWiki( wiki ) ).toBe( true );
		expect( await wikiStatus( wiki.dir ) ).toEqual( { running: false, installed: true } );
		await expect( fetch( wiki.apiUrl ) ).rejects.toThrow();
		expect( await stopWiki( wiki ) ).toBe( false );

		const squatter: Server = createServer();
		await new Promise<void>( ( resolve ) => {
			squatter.listen( wiki.port, '127.0.0.1', resolve );
		} );
		try {
			await expect( startWiki( wiki ) ).rejects.toMatchObject( { code: 'port-in-use' } );
		} finally {
			await new Promise( ( resolve ) => {
				squatter.close( resolve );
			} );
		}

		const reused = await createLocalWiki( { dir: wiki.dir, port: wiki.port } );
		expect( reused.credentials ).toEqual( wiki.credentials );
		const restarted = await startWiki( reused );
		expect( restarted.alreadyRunning ).toBe( false );
		expect( restarted.pid ).not.toBe( status.pid );
		const bot = await logInAsBot( reused );
		const { userinfo } = await query<UserInfo>( bot, { meta: 'userinfo' } );
		expect( userinfo.name ).toBe( wiki.credentials.bot.username );
	} );

	it( 'resets by stopping and deleting the folder, and deletes no other folder', async () => {
		expect( await resetWiki( test.wiki.dir ) ).toBe( true );
		expect( existsSync( test.wiki.dir ) ).toBe( false );
		await expect( fetch( test.wiki.apiUrl ) ).rejects.toThrow();
		expect( await resetWiki( test.wiki.dir ) ).toBe( false );

		const foreign = await mkdtemp( join( tmpdir(), 'helpdesk-not-a-wiki-' ) );
		try {
			await writeFile( join( foreign, 'notes.txt' ), 'keep me' );
			await expect( resetWiki( foreign ) ).rejects.toMatchObject( { code: 'not-a-local-wiki' } );
			expect( existsSync( join( foreign, 'notes.txt' ) ) ).toBe( true );
		} finally {
			await rm( foreign, { recursive: true, force: true } );
		}
	} );
} );
