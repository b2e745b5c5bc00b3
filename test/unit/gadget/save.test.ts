// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyFields, requestFromFields } from '../../../gadget/filing/fields';
import { ApiFailure, failureFrom } from '../../../gadget/filing/problems';
import {
	EditParams, EditResponse, editorTitle, fileRequest, FilingAttempt, previewRequest, QueryResponse, RequestApi, TITLES_PER_QUERY, titleCheck,
} from '../../../gadget/filing/save';
import { renderRequestPage } from '../../../shared/codec';
import { REQUESTS_PREFIX } from '../../../shared/pages';
import type { HelpdeskRequest } from '../../../shared/request';

const texts = { summary: 'New request to the Helpdesk: Scans', discussionHeading: 'Discussion' };
const context = { loginUrl: '/login' };

function apiFailure( code: string, html: string, data?: Record<string, unknown> ): ApiFailure {
	return failureFrom( code, { errors: [ data ? { code: code, html: html, data: data } : { code: code, html: html } ] } );
}

/**
 * A wiki that answers the way MediaWiki does: pages that exist, createonly,
 * CSRF tokens, ConfirmEdit's CAPTCHA, AbuseFilter's warn-then-allow, and hooks to
 * make things happen between calls.
 */
class FakeRequestApi implements RequestApi {
	public pages = new Map<string, string>();

	public calls: string[] = [];

	public edits: EditParams[] = [];

	public loggedIn = true;

	public tokenIsStale = false;

	/** Renewing the token does not help (the session is broken). */
	public tokenStaysStale = false;

	public captchaFor: { type: string; mime: string; url?: string; question?: string; answer: string } | null = null;

	private captchaCount = 0;

	private captchaShown: Record<string, string> = {};

	/** Text matching this gets an abuse filter warning once per title, then passes. */
	public warnOn: RegExp | null = null;

	private warned = new Set<string>();

	/** Text matching this is refused. */
	public disallowOn: RegExp | null = null;

	/** Failures for the next calls of a kind, in order. */
	public failNext: Record<string, ApiFailure[]> = { query: [], parse: [], edit: [] };

	/** Runs before each edit (someone else saving in between). */
	public beforeEdit: ( ( params: EditParams ) => void ) | null = null;

	private fail( kind: string ): void {
		const failure = this.failNext[ kind ].shift();
		if ( failure ) {
			throw failure;
		}
	}

	private static canonical( title: string ): string {
		const spaced = title.replace( /_/g, ' ' ).trim();
		return spaced.charAt( 0 ).toUpperCase() + spaced.slice( 1 );
	}

	public async query( params: { titles: string[] } ): Promise<QueryResponse> {
		this.calls.push( 'query' );
		this.fail( 'query' );
		const normalized: { from: string; to: string }[] = [];
		const pages = params.titles.map( ( title ) => {
			const canonical = FakeRequestApi.canonical( title );
			if ( canonical !== title ) {
				normalized.push( { from: title, to: canonical } );
			}
			if ( /[#<>[\]|{}]/.test( canonical ) ) {
				return { title: canonical, invalid: true };
			}
			return this.pages.has( canonical ) ? { title: canonical, pageid: 1 } : { title: canonical, missing: true };
		} );
		return { query: normalized.length ? { normalized: normalized, pages: pages } : { pages: pages } };
	}

	public async parse( params: { title: string; text: string } ): Promise<{ parse: { text: string; modules: string[]; modulestyles: string[] } }> {
		this.calls.push( 'parse:' + params.title );
		this.fail( 'parse' );
		return {
			parse: {
				text: '<div class="mw-parser-output"><pre>' + params.text.replace( /</g, '&lt;' ) + '</pre></div>',
				modules: [ 'ext.templateData' ],
				modulestyles: [ 'ext.templateStyles' ],
			},
		};
	}

	public async edit( params: EditParams ): Promise<EditResponse> {
		this.calls.push( 'edit:' + params.title );
		this.edits.push( Object.assign( {}, params ) );
		this.fail( 'edit' );
		if ( this.beforeEdit ) {
			this.beforeEdit( params );
		}
		if ( this.tokenIsStale ) {
			throw apiFailure( 'badtoken', 'Invalid CSRF token.' );
		}
		if ( params.assert === 'user' && !this.loggedIn ) {
			throw apiFailure( 'assertuserfailed', 'You are no longer logged in.' );
		}
		const title = FakeRequestApi.canonical( params.title );
		if ( params.createonly && this.pages.has( title ) ) {
			throw apiFailure( 'articleexists', 'The article you tried to create has been created already.' );
		}
		if ( this.disallowOn && this.disallowOn.test( params.text ) ) {
			throw apiFailure( 'abusefilter-disallowed', 'This edit was refused.', { abusefilter: { id: 2, description: 'Refuse', actions: [ 'disallow' ] } } );
		}
		if ( this.warnOn && this.warnOn.test( params.text ) && !this.warned.has( title ) ) {
			this.warned.add( title );
			throw apiFailure( 'abusefilter-warning', 'Please check this edit.', { abusefilter: { id: 3, description: 'Warn', actions: [ 'warn' ] } } );
		}
		if ( this.captchaFor ) {
			const passed = params.captchaid !== undefined && this.captchaShown[ params.captchaid ] === params.captchaword;
			if ( !passed ) {
				const id = String( ++this.captchaCount );
				this.captchaShown[ id ] = this.captchaFor.answer;
				const captcha: Record<string, unknown> = { type: this.captchaFor.type, mime: this.captchaFor.mime, id: id };
				if ( this.captchaFor.url !== undefined ) {
					captcha.url = this.captchaFor.url + id;
				}
				if ( this.captchaFor.question !== undefined ) {
					captcha.question = this.captchaFor.question;
				}
				return { edit: { captcha: captcha, result: 'Failure' } };
			}
		}
		this.pages.set( title, params.text );
		return { edit: { result: 'Success', pageid: 10, title: title, newrevid: 100 } };
	}

	public renewals = 0;

	public renewToken(): void {
		this.renewals++;
		this.calls.push( 'renewToken' );
		if ( !this.tokenStaysStale ) {
			this.tokenIsStale = false;
		}
	}
}

function request( title = 'Scans of a newspaper archive' ): HelpdeskRequest {
	return requestFromFields( Object.assign( emptyFields(), {
		title: title,
		individual: true,
		country: 'SE',
		support: [ 'mass-upload' ],
		description: 'About 3,000 pages | {{with}} [[markup]] ~~~~',
		links: [ 'https://archive.example/newspapers' ],
	} ), { requester: 'Alice', language: 'en' }, new Date( '2026-11-21T10:00:00Z' ) );
}

function attempt( overrides: Partial<FilingAttempt> = {} ): FilingAttempt {
	return Object.assign( { request: request(), texts: texts, loggedIn: true, context: context }, overrides );
}

const base = REQUESTS_PREFIX + 'Scans of a newspaper archive';

describe( 'fileRequest', () => {
	let wiki: FakeRequestApi;

	beforeEach( () => {
		wiki = new FakeRequestApi();
	} );

	it( 'creates the page under the request title, watched, with the rendered wikitext', async () => {
		const outcome = await fileRequest( wiki, attempt() );
		const wikitext = renderRequestPage( request(), { discussionHeading: 'Discussion' } );
		expect( outcome ).toEqual( { status: 'filed', title: base, wikitext: wikitext } );
		expect( wiki.edits ).toEqual( [ {
			title: base,
			text: wikitext,
			summary: texts.summary,
			createonly: true,
			watchlist: 'watch',
			assert: 'user',
		} ] );
		expect( wiki.pages.get( base ) ).toBe( wikitext );
		expect( wiki.calls ).toEqual( [ 'query', 'edit:' + base ] );
	} );

	it( 'takes the next free title when the title is taken, with one query', async () => {
		wiki.pages.set( base, 'an earlier request' );
		wiki.pages.set( base + ' (2)', 'another one' );
		const outcome = await fileRequest( wiki, attempt() );
		expect( outcome.status ).toBe( 'filed' );
		expect( outcome.title ).toBe( base + ' (3)' );
		expect( wiki.pages.get( base ) ).toBe( 'an earlier request' );
		expect( wiki.calls.filter( ( call ) => call === 'query' ) ).toHaveLength( 1 );
	} );

	it( 'takes the next title when another request takes this one between the query and the save', async () => {
		wiki.beforeEdit = ( params ) => {
			if ( params.title === base ) {
				wiki.pages.set( base, 'filed a moment earlier by someone else' );
			}
		};
		const outcome = await fileRequest( wiki, attempt() );
		expect( outcome ).toMatchObject( { status: 'filed', title: base + ' (2)' } );
		expect( wiki.pages.get( base ) ).toBe( 'filed a moment earlier by someone else' );
	} );

	it( 'asks about the next batch of titles when a whole batch is taken', async () => {
		wiki.pages.set( base, 'x' );
		for ( let number = 2; number <= TITLES_PER_QUERY; number++ ) {
			wiki.pages.set( base + ' (' + number + ')', 'x' );
		}
		const outcome = await fileRequest( wiki, attempt() );
		expect( outcome.title ).toBe( base + ' (' + ( TITLES_PER_QUERY + 1 ) + ')' );
		expect( wiki.calls.filter( ( call ) => call === 'query' ) ).toHaveLength( 2 );
	} );

	it( 'gives up with articleexists when title after title is taken', async () => {
		wiki.beforeEdit = ( params ) => {
			wiki.pages.set( params.title, 'taken just before' );
		};
		const outcome = await fileRequest( wiki, attempt() );
		expect( outcome.status ).toBe( 'problem' );
		expect( outcome.status === 'problem' && outcome.problem.messageKey ).toBe( 'helpdesk-error-articleexists' );
	} );

	it( 'retries once with a fresh token after badtoken', async () => {
		wiki.tokenIsStale = true;
		const outcome = await fileRequest( wiki, attempt() );
		expect( outcome.status ).toBe( 'filed' );
		expect( wiki.renewals ).toBe( 1 );
		expect( wiki.calls ).toEqual( [ 'query', 'edit:' + base, 'renewToken', 'edit:' + base ] );
	} );

	it( 'reports badtoken when a fresh token does not help either', async () => {
		wiki.tokenIsStale = true;
		wiki.tokenStaysStale = true;
		const outcome = await fileRequest( wiki, attempt() );
		expect( wiki.renewals ).toBe( 1 );
		expect( outcome.status === 'problem' && outcome.problem ).toMatchObject( { code: 'badtoken', keepDraft: true } );
	} );

	it( 'reports an ended session', async () => {
		wiki.loggedIn = false;
		const outcome = await fileRequest( wiki, attempt() );
		expect( outcome.status === 'problem' && outcome.problem ).toMatchObject( { code: 'assertuserfailed', messageKey: 'helpdesk-error-session', params: [ '/login' ] } );
		expect( wiki.pages.size ).toBe( 0 );
	} );

	it( 'tells logged-out users to log in, without asking the wiki', async () => {
		const outcome = await fileRequest( wiki, attempt( { loggedIn: false } ) );
		expect( outcome.status === 'problem' && outcome.problem ).toMatchObject( { code: 'notloggedin', messageKey: 'helpdesk-error-notloggedin', params: [ '/login' ] } );
		expect( wiki.calls ).toEqual( [] );
		expect( outcome.wikitext ).toBe( renderRequestPage( request(), { discussionHeading: 'Discussion' } ) );
	} );

	it( 'shows an image CAPTCHA, then files with the answer under the same title', async () => {
		wiki.captchaFor = { type: 'image', mime: 'image/png', url: '/index.php?title=Special:Captcha/image&wpCaptchaId=', answer: 'hedgehog' };
		const first = await fileRequest( wiki, attempt() );
		expect( first ).toMatchObject( {
			status: 'captcha',
			title: base,
			captcha: { id: '1', type: 'image', mime: 'image/png', url: '/index.php?title=Special:Captcha/image&wpCaptchaId=1' },
		} );
		expect( wiki.pages.size ).toBe( 0 );
		const second = await fileRequest( wiki, attempt( { title: first.title as string, captcha: { id: '1', word: 'hedgehog' } } ) );
		expect( second ).toMatchObject( { status: 'filed', title: base } );
		expect( wiki.edits[ 1 ] ).toMatchObject( { title: base, captchaid: '1', captchaword: 'hedgehog' } );
		// The same edit is sent again: no new title query.
		expect( wiki.calls.filter( ( call ) => call === 'query' ) ).toHaveLength( 1 );
	} );

	it( 'shows a new CAPTCHA after a wrong answer', async () => {
		wiki.captchaFor = { type: 'question', mime: 'text/html', question: 'What is the <b>capital</b> of Sweden?', answer: 'Stockholm' };
		const first = await fileRequest( wiki, attempt() );
		expect( first ).toMatchObject( { status: 'captcha', captcha: { id: '1', question: 'What is the <b>capital</b> of Sweden?', mime: 'text/html' } } );
		const wrong = await fileRequest( wiki, attempt( { title: base, captcha: { id: '1', word: 'Oslo' } } ) );
		expect( wrong ).toMatchObject( { status: 'captcha', captcha: { id: '2' } } );
		const right = await fileRequest( wiki, attempt( { title: base, captcha: { id: '2', word: 'Stockholm' } } ) );
		expect( right.status ).toBe( 'filed' );
	} );

	it( 'hands a CAPTCHA the form cannot show to the ordinary editor', async () => {
		wiki.captchaFor = { type: 'recaptchanocaptcha', mime: 'application/javascript', answer: '' };
		const outcome = await fileRequest( wiki, attempt() );
		expect( outcome.status === 'problem' && outcome.problem ).toMatchObject( { code: 'captcha-unsupported', suggestEditor: true } );
	} );

	it( 'files after an abuse filter warning when the same edit is sent again', async () => {
		wiki.warnOn = /~~~~|&#126;/;
		const first = await fileRequest( wiki, attempt() );
		expect( first.status === 'problem' && first.problem ).toMatchObject( { code: 'abusefilter-warning', retry: true, detailHtml: 'Please check this edit.' } );
		expect( first.title ).toBe( base );
		const again = await fileRequest( wiki, attempt( { title: base } ) );
		expect( again ).toMatchObject( { status: 'filed', title: base } );
	} );

	it( 'keeps everything when an abuse filter refuses the edit', async () => {
		wiki.disallowOn = /archive/;
		const outcome = await fileRequest( wiki, attempt() );
		expect( outcome.status === 'problem' && outcome.problem ).toMatchObject( { code: 'abusefilter-disallowed', retry: false, keepDraft: true, detailHtml: 'This edit was refused.' } );
		expect( wiki.pages.size ).toBe( 0 );
		expect( outcome.wikitext ).toBe( renderRequestPage( request(), { discussionHeading: 'Discussion' } ) );
	} );

	it( 'reports a lost connection, during the title query or the save', async () => {
		wiki.failNext.query.push( failureFrom( 'http', { xhr: { status: 0 }, textStatus: 'error' } ) );
		const duringQuery = await fileRequest( wiki, attempt() );
		expect( duringQuery.status === 'problem' && duringQuery.problem ).toMatchObject( { code: 'http', messageKey: 'helpdesk-error-http', retry: true } );
		wiki.failNext.edit.push( failureFrom( 'http', { xhr: { status: 0 }, textStatus: 'timeout' } ) );
		const duringSave = await fileRequest( wiki, attempt() );
		expect( duringSave ).toMatchObject( { status: 'problem', title: base } );
		expect( wiki.pages.size ).toBe( 0 );
	} );

	it.each( [ 'spamblacklist', 'titleblacklist-forbidden', 'protectedpage', 'permissiondenied', 'cascadeprotected', 'readonly', 'maxlag', 'ratelimited', 'blocked', 'autoblocked' ] )(
		'reports %s from the save as a problem for the user',
		async ( code ) => {
			wiki.failNext.edit.push( apiFailure( code, 'The wiki explains ' + code + '.' ) );
			const outcome = await fileRequest( wiki, attempt() );
			expect( outcome.status ).toBe( 'problem' );
			expect( outcome.status === 'problem' && outcome.problem.code ).toBe( code );
			expect( outcome.status === 'problem' && outcome.problem.keepDraft ).toBe( true );
			expect( wiki.edits ).toHaveLength( 1 );
		},
	);

	it( 'reports an unknown error with the editor as the way out, and the wikitext for it', async () => {
		wiki.failNext.edit.push( apiFailure( 'hookaborted', 'An extension stopped this.' ) );
		const outcome = await fileRequest( wiki, attempt() );
		expect( outcome.status === 'problem' && outcome.problem ).toMatchObject( { code: 'hookaborted', messageKey: 'helpdesk-error-unknown', suggestEditor: true } );
		expect( outcome.wikitext ).toBe( renderRequestPage( request(), { discussionHeading: 'Discussion' } ) );
	} );

	it( 'reports an edit that fails without saying why', async () => {
		wiki.edit = async () => ( { edit: { result: 'Failure' } } );
		const outcome = await fileRequest( wiki, attempt() );
		expect( outcome.status === 'problem' && outcome.problem ).toMatchObject( { code: 'edit-failure', messageKey: 'helpdesk-error-unknown' } );
	} );

	it( 'reports a bug in the adapter instead of failing', async () => {
		wiki.query = async () => {
			throw new TypeError( 'broken adapter' );
		};
		const outcome = await fileRequest( wiki, attempt() );
		expect( outcome.status === 'problem' && outcome.problem ).toMatchObject( { code: 'internal', suggestEditor: true } );
	} );
} );

describe( 'previewRequest', () => {
	it( 'renders the page as the wiki would, at the title it would get, and names requests with the same title', async () => {
		const wiki = new FakeRequestApi();
		wiki.pages.set( base, 'an earlier request' );
		const preview = await previewRequest( wiki, request(), texts );
		const wikitext = renderRequestPage( request(), { discussionHeading: 'Discussion' } );
		expect( preview.title ).toBe( base + ' (2)' );
		expect( preview.sameTitle ).toEqual( [ base ] );
		expect( preview.wikitext ).toBe( wikitext );
		expect( preview.html ).toContain( 'mw-parser-output' );
		expect( preview.modules ).toEqual( [ 'ext.templateData' ] );
		expect( preview.moduleStyles ).toEqual( [ 'ext.templateStyles' ] );
		expect( wiki.calls ).toEqual( [ 'query', 'parse:' + base + ' (2)' ] );
		expect( wiki.edits ).toEqual( [] );
	} );

	it( 'rejects with the failure, for the form to explain', async () => {
		const wiki = new FakeRequestApi();
		wiki.failNext.parse.push( failureFrom( 'http', { xhr: { status: 500 }, textStatus: 'error' } ) );
		await expect( previewRequest( wiki, request(), texts ) ).rejects.toEqual( { code: 'http', errors: [], httpStatus: 500 } );
	} );
} );

describe( 'editorTitle', () => {
	it( 'picks the first free title for the ordinary editor', async () => {
		const wiki = new FakeRequestApi();
		wiki.pages.set( base, 'an earlier request' );
		expect( await editorTitle( wiki, 'Scans of a newspaper archive' ) ).toBe( base + ' (2)' );
	} );

	it( 'falls back to the bare title when the wiki cannot be asked', async () => {
		const wiki = new FakeRequestApi();
		wiki.failNext.query.push( failureFrom( 'http', { xhr: { status: 0 } } ) );
		expect( await editorTitle( wiki, 'Scans of a newspaper archive' ) ).toBe( base );
	} );
} );

describe( 'titleCheck', () => {
	it( 'follows the wiki\'s spelling of titles and skips invalid ones', () => {
		const check = titleCheck( [ 'A_b', 'C', 'D|x', 'E' ], {
			query: {
				normalized: [ { from: 'A_b', to: 'A b' } ],
				pages: [ { title: 'A b', missing: true }, { title: 'C', pageid: 4 }, { title: 'D|x', invalid: true }, { title: 'E', missing: true } ],
			},
		} );
		expect( check ).toEqual( { free: [ 'A b', 'E' ], taken: [ 'C' ] } );
	} );

	it( 'treats titles the wiki did not answer about as unusable', () => {
		expect( titleCheck( [ 'A' ], {} ) ).toEqual( { free: [], taken: [] } );
	} );
} );
