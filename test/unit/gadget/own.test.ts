// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { emptyFields, requestFromFields } from '../../../gadget/filing/fields';
import { editableRequest, replaceTemplate, saveEdit } from '../../../gadget/own/edit';
import { DataPage, myRequests, statusKey } from '../../../gadget/own/mine';
import { renderRequestPage } from '../../../shared/codec';
import { EXPORT_PAGE } from '../../../shared/pages';
import { FakeWiki } from './fake-page-api';

function page(): string {
	const fields = emptyFields();
	fields.title = 'Museum uploads';
	fields.description = 'Upload 300 photos.';
	fields.support = [ 'mass-upload' ];
	fields.partners = [ 'Museum of X' ];
	const request = requestFromFields( fields, { requester: 'Alice', language: 'de' }, new Date( '2026-01-02T03:04:05Z' ) );
	request.status = 'initial-feedback';
	request.statusSince = '2026-01-03T00:00:00Z';
	return renderRequestPage( request ) + '\nFirst comment. ~~~~\n';
}

describe( 'Edit my request', () => {
	it( 'fills the form with the request\'s fields, not the discussion', () => {
		const editable = editableRequest( page() );
		expect( editable ).not.toBeNull();
		const fields = ( editable as NonNullable<typeof editable> ).fields;
		expect( fields.title ).toBe( 'Museum uploads' );
		expect( fields.description ).toBe( 'Upload 300 photos.' );
		expect( fields.partners ).toEqual( [ 'Museum of X' ] );
		expect( JSON.stringify( fields ) ).not.toContain( 'First comment' );
		expect( editableRequest( 'no template here' ) ).toBeNull();
	} );

	it( 'saves only the template, against the base revision, keeping status and the rest byte for byte', async () => {
		const text = 'Intro kept.\n' + page();
		const wiki = new FakeWiki( text );
		const base = wiki.latest();
		const editable = editableRequest( base.text ) as NonNullable<ReturnType<typeof editableRequest>>;
		const fields = JSON.parse( JSON.stringify( editable.fields ) );
		fields.description = 'Upload 400 photos.';
		const outcome = await saveEdit( wiki, base, editable, fields, 'summary' );
		expect( outcome.status ).toBe( 'saved' );
		expect( wiki.edits[ 0 ] ).toMatchObject( { baserevid: 1, basetimestamp: base.timestamp, nocreate: true } );
		const saved = wiki.latest().text;
		expect( saved ).toContain( '| description = Upload 400 photos.' );
		expect( saved ).toContain( '| status = initial-feedback' );
		expect( saved ).toContain( '| status_since = 2026-01-03T00:00:00Z' );
		expect( saved ).toContain( '| requester = Alice' );
		const after = text.indexOf( '}}' ) + 2;
		expect( saved.slice( saved.indexOf( '}}' ) + 2 ) ).toBe( text.slice( after ) );
		expect( saved.indexOf( 'Intro kept.\n{{' ) ).toBe( 0 );
	} );

	it( 'keeps a reply made meanwhile in the discussion: the template change is applied to the new page', async () => {
		const wiki = new FakeWiki( page() );
		const base = wiki.latest();
		wiki.change( base.text + '\nA reply. --Bob\n' );
		const editable = editableRequest( base.text ) as NonNullable<ReturnType<typeof editableRequest>>;
		const fields = JSON.parse( JSON.stringify( editable.fields ) );
		fields.title = 'Museum uploads, 2026';
		const outcome = await saveEdit( wiki, base, editable, fields, 'summary' );
		expect( outcome.status ).toBe( 'saved' );
		expect( wiki.edits.map( ( edit ) => edit.baserevid ) ).toEqual( [ 1, 2 ] );
		expect( wiki.latest().text ).toContain( '| title = Museum uploads, 2026' );
		expect( wiki.latest().text ).toContain( 'A reply. --Bob' );
	} );

	it( 'refuses when the template itself was changed meanwhile, overwriting nothing', async () => {
		const wiki = new FakeWiki( page() );
		const base = wiki.latest();
		const changed = base.text.replace( 'Upload 300 photos.', 'Upload 350 photos.' );
		wiki.change( changed );
		const editable = editableRequest( base.text ) as NonNullable<ReturnType<typeof editableRequest>>;
		const fields = JSON.parse( JSON.stringify( editable.fields ) );
		fields.description = 'Upload 400 photos.';
		const typed = JSON.stringify( fields );
		const outcome = await saveEdit( wiki, base, editable, fields, 'summary' );
		expect( outcome.status ).toBe( 'conflict' );
		expect( wiki.latest().text ).toBe( changed );
		// What was typed is untouched, for the form to keep showing.
		expect( JSON.stringify( fields ) ).toBe( typed );
		expect( replaceTemplate( changed, editable.templateText, 'x' ) ).toBeNull();
	} );

	it( 'saves nothing when nothing changed', async () => {
		const wiki = new FakeWiki( page() );
		const editable = editableRequest( wiki.latest().text ) as NonNullable<ReturnType<typeof editableRequest>>;
		expect( ( await saveEdit( wiki, wiki.latest(), editable, editable.fields, 's' ) ).status ).toBe( 'unchanged' );
		expect( wiki.edits ).toEqual( [] );
	} );
} );

describe( 'My requests', () => {
	const index: DataPage = {
		schema: 3,
		requests: [
			{ page: 'R/A', title: 'A', requester: 'Alice', status: 'submitted', since: '2026-01-01T00:00:00Z', waitingOn: 'committee' },
			{ page: 'R/B', title: 'B', requester: 'Bob', status: 'done' },
		],
		pages: [ { title: 'Old.json' } ],
	};
	const old: DataPage = { requests: [ { page: 'R/C', title: 'C', requester: 'Alice', status: 'done' } ] };

	it( 'lists the user\'s requests from the index and the pages it lists', async () => {
		const read = ( title: string ): Promise<DataPage> => title === EXPORT_PAGE ? Promise.resolve( index ) : Promise.resolve( old );
		expect( ( await myRequests( read, EXPORT_PAGE, 'Alice' ) ).map( ( r ) => r.page ) ).toEqual( [ 'R/A', 'R/C' ] );
		expect( await myRequests( read, EXPORT_PAGE, 'Carol' ) ).toEqual( [] );
	} );

	it( 'fails when the index cannot be read, and leaves out a listed page that cannot', async () => {
		await expect( myRequests( () => Promise.reject( new Error( 'x' ) ), EXPORT_PAGE, 'Alice' ) ).rejects.toThrow();
		const read = ( title: string ): Promise<DataPage> => title === EXPORT_PAGE ? Promise.resolve( index ) : Promise.reject( new Error( 'x' ) );
		expect( ( await myRequests( read, EXPORT_PAGE, 'Alice' ) ).map( ( r ) => r.page ) ).toEqual( [ 'R/A' ] );
	} );

	it( 'names a status label for every status, unknown ones included', () => {
		expect( statusKey( 'on-hold' ) ).toBe( 'helpdesk-own-status-on-hold' );
		expect( statusKey( 'unknown' ) ).toBe( 'helpdesk-own-status-unknown' );
		expect( statusKey( undefined ) ).toBe( 'helpdesk-own-status-unknown' );
	} );
} );
