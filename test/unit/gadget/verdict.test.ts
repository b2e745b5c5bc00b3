// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { emptyFields, requestFromFields } from '../../../gadget/filing/fields';
import { saveVerdict, verdictWanted, VerdictToSave, withVerdict } from '../../../gadget/own/verdict';
import { renderRequestPage } from '../../../shared/codec';
import type { Status } from '../../../shared/status';
import { hasVerdictBy, verdictCall, verdictCalls } from '../../../shared/verdict';
import { findTemplates } from '../../../shared/wikitext';
import { FakeWiki } from './fake-page-api';

function page( status: Status, requester = 'Alice' ): string {
	const fields = emptyFields();
	fields.title = 'Museum uploads';
	fields.description = 'Upload 300 photos.';
	fields.support = [ 'mass-upload' ];
	const request = requestFromFields( fields, { requester: requester, language: 'sv' }, new Date( '2026-01-02T03:04:05Z' ) );
	request.status = status;
	request.statusSince = '2026-03-01T00:00:00Z';
	return renderRequestPage( request ) + '\nThanks for the help! ~~~~\n';
}

const VERDICT: VerdictToSave = { rating: 4, comment: 'Quick and friendly.', user: 'Alice', heading: 'Förfrågarens omdöme', summary: 'verdict' };

describe( 'the verdict form is offered', () => {
	it( 'to the requester of a request that is done or declined, with the request\'s language', () => {
		expect( verdictWanted( page( 'done' ), 'Alice' ) ).toEqual( { language: 'sv' } );
		expect( verdictWanted( page( 'declined' ), 'Alice' ) ).toEqual( { language: 'sv' } );
	} );

	it( 'to nobody else, and not while the request is open', () => {
		expect( verdictWanted( page( 'done' ), 'Bob' ) ).toBeNull();
		expect( verdictWanted( page( 'support-under-way' ), 'Alice' ) ).toBeNull();
		expect( verdictWanted( page( 'withdrawn' ), 'Alice' ) ).toBeNull();
		expect( verdictWanted( 'no request here', 'Alice' ) ).toBeNull();
	} );

	it( 'not again once the page has a verdict of theirs', () => {
		const text = withVerdict( page( 'done' ), VERDICT );
		expect( hasVerdictBy( text, 'Alice' ) ).toBe( true );
		expect( verdictWanted( text, 'Alice' ) ).toBeNull();
	} );
} );

describe( 'saving the verdict', () => {
	it( 'appends a section with the template and a signature against the revision read, keeping the page', async () => {
		const wiki = new FakeWiki( page( 'done' ) );
		const outcome = await saveVerdict( wiki, wiki.latest(), VERDICT );
		expect( outcome.status ).toBe( 'saved' );
		expect( wiki.edits[ 0 ] ).toMatchObject( { baserevid: 1, nocreate: true, assert: 'user' } );
		const saved = wiki.latest().text;
		expect( saved.startsWith( page( 'done' ).trim() ) ).toBe( true );
		expect( saved ).toContain( '\n\n== Förfrågarens omdöme ==\n{{Helpdesk verdict|rating=4|comment=Quick and friendly.|user=Alice}} ~~~~\n' );
		expect( verdictCalls( saved ) ).toEqual( [ { user: 'Alice', rating: 4, comment: 'Quick and friendly.' } ] );
	} );

	it( 'appends to the page as it stands after a reply posted meanwhile', async () => {
		const wiki = new FakeWiki( page( 'done' ) );
		const base = wiki.latest();
		wiki.change( base.text + ':A reply. ~~~~\n' );
		expect( ( await saveVerdict( wiki, base, VERDICT ) ).status ).toBe( 'saved' );
		expect( wiki.latest().text ).toContain( ':A reply.' );
		expect( verdictCalls( wiki.latest().text ) ).toHaveLength( 1 );
	} );

	it( 'saves nothing when a verdict of theirs arrived meanwhile (another tab)', async () => {
		const wiki = new FakeWiki( page( 'done' ) );
		const base = wiki.latest();
		wiki.change( withVerdict( base.text, Object.assign( {}, VERDICT, { rating: 5 } ) ) );
		expect( ( await saveVerdict( wiki, base, VERDICT ) ).status ).toBe( 'exists' );
		expect( wiki.revisions ).toHaveLength( 2 );
	} );

	it( 'reports a refused edit without losing anything', async () => {
		const wiki = new FakeWiki( page( 'done' ) );
		wiki.edit = () => Promise.reject( { code: 'protectedpage', errors: [ { code: 'protectedpage', html: 'Protected.' } ] } );
		const outcome = await saveVerdict( wiki, wiki.latest(), VERDICT );
		expect( outcome ).toMatchObject( { status: 'problem', failure: { code: 'protectedpage' } } );
	} );

	it( 'keeps a hostile comment as text: one call, no link, template, signature or heading gained', () => {
		const hostile = '}}{{Helpdesk verdict|rating=5|user=Mallory}} [[Category:Spam]] ~~~~ <script>x</script>\n== Heading ==\n|rating=1';
		const call = verdictCall( 2, hostile, 'Alice' );
		const text = withVerdict( page( 'done' ), Object.assign( {}, VERDICT, { rating: 2, comment: hostile } ) );
		expect( findTemplates( text, 'Helpdesk verdict' ) ).toHaveLength( 1 );
		expect( call ).not.toMatch( /\[\[|~~~|<script|\n/ );
		expect( text.match( /^==/gm ) ).toHaveLength( ( page( 'done' ).match( /^==/gm ) || [] ).length + 1 );
		expect( verdictCalls( text ) ).toEqual( [ { user: 'Alice', rating: 2, comment: hostile.replace( /\s+/g, ' ' ) } ] );
	} );

	it( 'keeps at most 500 characters of a comment', () => {
		const long = 'é'.repeat( 600 );
		expect( verdictCalls( verdictCall( 3, long, 'Alice' ) )[ 0 ].comment ).toBe( 'é'.repeat( 500 ) );
	} );
} );
