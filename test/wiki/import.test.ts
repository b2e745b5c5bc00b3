/**
 * `npm run import` against the test wiki: each valid request becomes the page the
 * form would have written, with the requester and date from the file; invalid
 * entries are reported one by one; a second run and a dry run create nothing.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Mwn } from 'mwn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusRecord } from '../../bot/plan/request-page';
import { emptyFields, requestFromFields } from '../../gadget/filing/fields';
import { importRequests, ImportResult } from '../../scripts/import';
import { parseRequestPage, renderRequestPage } from '../../shared/codec';
import { REQUESTS_PREFIX } from '../../shared/pages';
import { HelpdeskRequest, RequestFormFields } from '../../shared/request';
import { FORM_FIELDS } from '../../shared/validation';
import type { LocalWiki } from '../../scripts/local-wiki/index';
import { sharedTestWiki } from './setup/shared-wiki';
import { adminSession } from './setup/test-wiki';
import { deployTarget } from '../../scripts/lib/install-helpdesk';
import { sampleFields } from '../../scripts/lib/sample-request';

const RUN = Date.now().toString( 36 );

type Entry = Partial<Record<keyof HelpdeskRequest, unknown>> & Record<string, unknown>;

/** The sample request, filed by e-mail, with markup in a partner's name and in the description. */
const maps: Entry = {
	...sampleFields( {
		title: `Digitised maps of the city archive ${ RUN }`,
		partners: [ 'Stockholm City Archives', '[[Category:Archives]] & {{partners}}' ],
		description: 'We have the scans and an agreement.\n\nWe need help with the metadata | and the ~~~~ licence.',
	} ),
	requester: 'Requester One',
	filed: '2025-03-04T10:20:30Z',
	language: 'en',
};

const museum: Entry = {
	title: `Bilder från museet ${ RUN }`,
	requester: 'Requester Two',
	filed: '2024-11-30T08:00:00Z',
	language: 'sv',
	affiliate: 'Wikimedia Sverige',
	country: 'SE',
	support: [ 'training-material' ],
	description: 'Vi vill visa hur man laddar upp bilder.',
	status: 'initial-feedback',
	statusSince: '2024-12-15T12:00:00Z',
};

/** As an e-mail gives it: surrounding spaces, Windows line breaks, decomposed accents, a lower-case country. */
const untidy: Entry = {
	title: `  Fotos do acervo ${ RUN }  `,
	requester: 'Requester One',
	filed: '2025-01-20T14:45:00Z',
	language: 'ar',
	individual: true,
	country: 'br',
	partners: [ '  Museu Nacional  ', '' ],
	support: [ 'other' ],
	description: 'Primeira linha\r\nSegunda linha com acentuac\u0327a\u0303o\r\n',
};

function invalidEntries(): unknown[] {
	return [
		'a request pasted as text',
		{ ...maps, title: '' },
		{ ...maps, title: `Unknown country ${ RUN }`, country: 'XX', filed: '4 March 2025' },
		{ ...maps, title: `With an e-mail address ${ RUN }`, email: 'someone@example.org' },
		{ ...maps, title: `Support as text ${ RUN }`, support: 'copyright' },
	];
}

/** The request the form makes of the same fields, filed at the same time by the same person. */
function asTheFormWritesIt( entry: Entry ): HelpdeskRequest {
	const fields: Record<keyof RequestFormFields, unknown> = emptyFields();
	for ( const field of FORM_FIELDS ) {
		if ( field in entry ) {
			fields[ field ] = entry[ field ];
		}
	}
	const request = requestFromFields( fields as RequestFormFields, { requester: entry.requester as string, language: entry.language as string }, new Date( entry.filed as string ) );
	if ( entry.status ) {
		request.status = entry.status as HelpdeskRequest[ 'status' ];
		request.statusSince = entry.statusSince as string;
	}
	return request;
}

/** The form's discussion heading, in the request's language. */
function discussionHeadingOf( language: string ): string {
	const messages = JSON.parse( readFileSync( new URL( `../../gadget/i18n/${ language }.json`, import.meta.url ), 'utf8' ) ) as Record<string, string>;
	return messages[ 'helpdesk-discussion-heading' ];
}

interface StoredRevision {
	user: string;
	comment: string;
	timestamp: string;
	slots: { main: { content: string } };
}

describe( 'import of requests received by e-mail', () => {
	let wiki: LocalWiki;
	let admin: Mwn;
	const scratch: string[] = [];

	async function revisions( title: string ): Promise<StoredRevision[] | null> {
		const response = await admin.request( {
			action: 'query', titles: title, prop: 'revisions', rvprop: 'content|user|comment|timestamp', rvslots: 'main', rvlimit: 10, formatversion: 2,
		} );
		const page = ( response.query as { pages: { missing?: boolean; revisions?: StoredRevision[] }[] } ).pages[ 0 ];
		return page.missing ? null : page.revisions as StoredRevision[];
	}

	function run( json: unknown, dryRun = false ): Promise<ImportResult & { log: string[] }> {
		const log: string[] = [];
		return importRequests( json, { target: deployTarget( wiki ), dryRun: dryRun, log: ( line ) => log.push( line ) } )
			.then( ( result ) => ( { ...result, log: log } ) );
	}

	beforeAll( async () => {
		wiki = sharedTestWiki();
		admin = await adminSession( wiki );
	} );

	afterAll( async () => {
		for ( const dir of scratch ) {
			await rm( dir, { recursive: true, force: true } );
		}
	} );

	describe( 'a file of valid and invalid entries', () => {
		const file = (): unknown[] => [ maps, ...invalidEntries(), museum, untidy ];
		let first: ImportResult & { log: string[] };

		beforeAll( async () => {
			first = await run( file() );
		} );

		it( 'reports each invalid entry with its reasons', () => {
			expect( first.invalid ).toEqual( [
				{ index: 1, title: '', reasons: [ 'not an object' ] },
				{ index: 2, title: '', reasons: [ 'title: required' ] },
				{ index: 3, title: `Unknown country ${ RUN }`, reasons: [ 'country: unknown country', 'filed: invalid timestamp' ] },
				{ index: 4, title: `With an e-mail address ${ RUN }`, reasons: [ 'email: unknown field' ] },
				{ index: 5, title: `Support as text ${ RUN }`, reasons: [ 'support: must be a list of strings', 'support: required' ] },
			] );
			expect( first.log.filter( ( line ) => line.startsWith( '✗' ) ) ).toEqual( [
				'✗ entry 2 is invalid: not an object',
				'✗ entry 3 is invalid: title: required',
				`✗ entry 4 ("Unknown country ${ RUN }") is invalid: country: unknown country; filed: invalid timestamp`,
				`✗ entry 5 ("With an e-mail address ${ RUN }") is invalid: email: unknown field`,
				`✗ entry 6 ("Support as text ${ RUN }") is invalid: support: must be a list of strings; support: required`,
			] );
			expect( first.failed ).toEqual( [] );
		} );

		it( 'creates each valid request exactly as the form would have written it', async () => {
			expect( first.created ).toEqual( [
				REQUESTS_PREFIX + `Digitised maps of the city archive ${ RUN }`,
				REQUESTS_PREFIX + `Bilder från museet ${ RUN }`,
				REQUESTS_PREFIX + `Fotos do acervo ${ RUN }`,
			] );
			for ( const [ title, entry ] of [ [ first.created[ 0 ], maps ], [ first.created[ 1 ], museum ], [ first.created[ 2 ], untidy ] ] as const ) {
				const request = asTheFormWritesIt( entry );
				const saved = await revisions( title );
				expect( saved, title ).toHaveLength( 1 );
				const revision = ( saved as StoredRevision[] )[ 0 ];
				// With the status recorded as the bot records it: a past status owes no notice and no edit.
				const written = renderRequestPage( request, { discussionHeading: discussionHeadingOf( request.language ) } ) +
					statusRecord( request.status, request.statusSince );
				expect( revision.slots.main.content ).toBe( written.trimEnd() );
				// Filed by whom and when the file says, not by the account importing it.
				const parsed = parseRequestPage( revision.slots.main.content );
				expect( parsed.ok && parsed.request ).toEqual( request );
				expect( request.requester ).toBe( entry.requester );
				expect( request.filed ).toBe( entry.filed );
				expect( revision.user ).toBe( wiki.credentials.admin.username );
				expect( revision.comment ).toBe( `Request received by e-mail from ${ entry.requester } on ${ ( entry.filed as string ).slice( 0, 10 ) }, imported` );
			}
			const untidyRequest = asTheFormWritesIt( untidy );
			expect( untidyRequest.title ).toBe( `Fotos do acervo ${ RUN }` );
			expect( untidyRequest.description ).toBe( 'Primeira linha\nSegunda linha com acentuação' );
			expect( untidyRequest.country ).toBe( 'BR' );
			expect( untidyRequest.partners ).toEqual( [ 'Museu Nacional' ] );
			expect( untidyRequest.statusSince ).toBe( untidy.filed );
		} );

		it( 'skips every request when run again', async () => {
			const again = await run( file() );
			expect( again.created ).toEqual( [] );
			expect( again.skipped ).toEqual( first.created );
			expect( again.log ).toContain( `= entry 1 is already on the wiki: ${ first.created[ 0 ] }` );
			for ( const title of first.created ) {
				expect( await revisions( title ) ).toHaveLength( 1 );
			}
		} );
	} );

	it( 'gives a request whose title another request has the next free title', async () => {
		const title = `Oral history recordings ${ RUN }`;
		const someoneElses = { ...asTheFormWritesIt( { ...maps, title: title } ), requester: 'Someone else' };
		await admin.create( REQUESTS_PREFIX + title, renderRequestPage( someoneElses ), 'Filed through the form' );
		const twin = { ...maps, title: title, requester: 'Requester Two' };
		const result = await run( [ { ...maps, title: title }, twin ] );
		expect( result.created ).toEqual( [ REQUESTS_PREFIX + title + ' (2)', REQUESTS_PREFIX + title + ' (3)' ] );
		const parsed = parseRequestPage( ( await revisions( REQUESTS_PREFIX + title + ' (3)' ) as StoredRevision[] )[ 0 ].slots.main.content );
		expect( parsed.ok && parsed.request.requester ).toBe( 'Requester Two' );
		// The page that was there is left alone.
		expect( await revisions( REQUESTS_PREFIX + title ) ).toHaveLength( 1 );
	} );

	it( 'creates nothing in a dry run, and shows what it would create', async () => {
		const entry = { ...maps, title: `Dry run ${ RUN }` };
		const result = await run( [ entry ], true );
		const title = REQUESTS_PREFIX + `Dry run ${ RUN }`;
		expect( result.created ).toEqual( [] );
		expect( result.planned.map( ( planned ) => planned.title ) ).toEqual( [ title ] );
		const request = asTheFormWritesIt( entry );
		expect( result.log[ 0 ] ).toBe( `+ would create ${ title }\n` + renderRequestPage( request, { discussionHeading: 'Discussion' } ) +
			statusRecord( request.status, request.statusSince ) );
		expect( result.log ).toContain( '\nDry run: 1 would be created, 0 already there, 0 invalid, 0 failed.' );
		expect( await revisions( title ) ).toBeNull();
	} );

	it( 'runs as `npm run import -- FILE --dry-run`', async () => {
		const dir = await mkdtemp( join( tmpdir(), 'helpdesk-import-' ) );
		scratch.push( dir );
		const file = join( dir, 'requests.json' );
		await writeFile( file, JSON.stringify( [ { ...maps, title: `From the command line ${ RUN }` }, { ...maps, title: '' } ], null, '\t' ) );
		const title = REQUESTS_PREFIX + `From the command line ${ RUN }`;
		const outcome = await promisify( execFile )( 'npm', [ 'run', '--silent', 'import', '--', file, '--dry-run' ], {
			encoding: 'utf8',
			env: {
				...process.env,
				HELPDESK_DEPLOY_API_URL: wiki.apiUrl,
				HELPDESK_DEPLOY_USERNAME: wiki.credentials.admin.botUsername,
				HELPDESK_DEPLOY_PASSWORD: wiki.credentials.admin.botPassword,
			},
		} ).then( ( done ) => ( { code: 0, ...done } ), ( failed: { code: number; stdout: string; stderr: string } ) => failed );
		// An invalid entry makes the run fail, after the valid ones are done.
		expect( outcome.code ).toBe( 1 );
		expect( outcome.stdout ).toContain( '✗ entry 2 is invalid: title: required\n' );
		expect( outcome.stdout ).toContain( `+ would create ${ title }\n{{Helpdesk request\n| title = From the command line ${ RUN }\n` );
		expect( outcome.stdout ).toContain( 'Dry run: 1 would be created, 0 already there, 1 invalid, 0 failed.' );
		expect( await revisions( title ) ).toBeNull();
	} );
} );
