import { describe, expect, it } from 'vitest';
import { ApiFailure, failureFrom, problemFor } from '../../../gadget/filing/problems';
import en from '../../../gadget/i18n/en.json';

const context = { loginUrl: '/index.php?title=Special:UserLogin&returnto=Content_Partnerships_Hub/Helpdesk&returntoquery=helpdesk%3Dform' };

/** An API error response as MediaWiki sends it with formatversion=2 and errorformat=html. */
function apiError( code: string, html: string, data?: Record<string, unknown> ): ApiFailure {
	const error: Record<string, unknown> = { code: code, html: html, module: 'edit' };
	if ( data ) {
		error.data = data;
	}
	return failureFrom( code, { errors: [ error ], docref: 'See /api.php for API usage.', servedby: 'mw1' } );
}

describe( 'failureFrom', () => {
	it( 'reads errorformat=html responses, with their data', () => {
		const failure = apiError( 'abusefilter-disallowed', '<p>Harmful.</p>', { abusefilter: { id: 4, description: 'Links to spam', actions: [ 'disallow' ] } } );
		expect( failure ).toEqual( {
			code: 'abusefilter-disallowed',
			errors: [ { code: 'abusefilter-disallowed', html: '<p>Harmful.</p>', data: { abusefilter: { id: 4, description: 'Links to spam', actions: [ 'disallow' ] } } } ],
		} );
	} );

	it( 'reads errorformat=bc responses, with the details beside the code', () => {
		const failure = failureFrom( 'spamblacklist', {
			error: { code: 'spamblacklist', info: 'Blocked by the spam filter.', spamblacklist: { matches: [ 'spam.example' ] }, '*': 'See /api.php' },
		} );
		expect( failure ).toEqual( {
			code: 'spamblacklist',
			errors: [ { code: 'spamblacklist', text: 'Blocked by the spam filter.', data: { spamblacklist: { matches: [ 'spam.example' ] } } } ],
		} );
	} );

	it( 'reads HTTP failures, reached or not', () => {
		expect( failureFrom( 'http', { xhr: { status: 0 }, textStatus: 'error', exception: '' } ) ).toEqual( { code: 'http', errors: [], httpStatus: 0 } );
		expect( failureFrom( 'http', { xhr: { status: 503 }, textStatus: 'error', exception: 'Service Unavailable' } ) ).toEqual( { code: 'http', errors: [], httpStatus: 503 } );
		expect( failureFrom( 'http' ) ).toEqual( { code: 'http', errors: [], httpStatus: 0 } );
	} );

	it( 'never fails on odd input', () => {
		expect( failureFrom( undefined, 'OK response but empty result' ) ).toEqual( { code: 'unknown', errors: [] } );
		expect( failureFrom( 'x', { errors: [ null, 3, { html: 'h' } ] } ) ).toEqual( { code: 'x', errors: [ { code: 'x', html: 'h' } ] } );
	} );
} );

describe( 'problemFor', () => {
	const cases: { failure: ApiFailure; messageKey: string; retry: boolean; detail?: string; params?: string[] }[] = [
		{ failure: failureFrom( 'http', { xhr: { status: 0 }, textStatus: 'error' } ), messageKey: 'helpdesk-error-http', retry: true },
		{ failure: failureFrom( 'http', { xhr: { status: 502 }, textStatus: 'error' } ), messageKey: 'helpdesk-error-server', retry: true, params: [ '502' ] },
		{ failure: failureFrom( 'ok-but-empty', 'OK response but empty result (check HTTP headers?)' ), messageKey: 'helpdesk-error-server', retry: true, params: [ '200' ] },
		{ failure: apiError( 'badtoken', 'Invalid CSRF token.' ), messageKey: 'helpdesk-error-badtoken', retry: true },
		{ failure: apiError( 'assertuserfailed', 'You are no longer logged in.' ), messageKey: 'helpdesk-error-session', retry: true, params: [ context.loginUrl ] },
		{ failure: apiError( 'assertnameduserfailed', 'You are no longer logged in as "Alice".' ), messageKey: 'helpdesk-error-session', retry: true, params: [ context.loginUrl ] },
		{ failure: { code: 'notloggedin', errors: [] }, messageKey: 'helpdesk-error-notloggedin', retry: true, params: [ context.loginUrl ] },
		{
			failure: apiError( 'blocked', 'You have been blocked from editing. Reason: <i>spam</i>.', { blockinfo: { blockid: 7, blockedby: 'Admin', blockreason: 'spam' } } ),
			messageKey: 'helpdesk-error-blocked', retry: false, detail: 'You have been blocked from editing. Reason: <i>spam</i>.',
		},
		{
			failure: apiError( 'autoblocked', 'Your IP address has been blocked automatically.', { blockinfo: { blockid: 8 } } ),
			messageKey: 'helpdesk-error-autoblocked', retry: false, detail: 'Your IP address has been blocked automatically.',
		},
		{
			failure: apiError( 'abusefilter-disallowed', '<b>Links to this site are not allowed here.</b>', { abusefilter: { id: 4, description: 'No spam', actions: [ 'disallow' ] } } ),
			messageKey: 'helpdesk-error-abusefilter-disallowed', retry: false, detail: '<b>Links to this site are not allowed here.</b>',
		},
		{
			failure: apiError( 'abusefilter-warning', 'Please check your request once more.', { abusefilter: { id: 5, description: 'Shouting', actions: [ 'warn' ] } } ),
			messageKey: 'helpdesk-error-abusefilter-warning', retry: true, detail: 'Please check your request once more.',
		},
		{
			failure: apiError( 'spamblacklist', 'The text you wanted to publish was blocked by the spam filter.', { spamblacklist: { matches: [ 'spam.example/offer', 'bad.example' ] } } ),
			messageKey: 'helpdesk-error-spamblacklist', retry: false, params: [ 'spam.example/offer, bad.example' ],
		},
		{
			failure: apiError( 'titleblacklist-forbidden', 'The title "Requests/Free money" has been banned from creation.', { message: { key: 'titleblacklist-forbidden-edit', params: [ '.*money.*', 'Requests/Free money' ] }, line: '.*money.*' } ),
			messageKey: 'helpdesk-error-titleblacklist', retry: false, detail: 'The title "Requests/Free money" has been banned from creation.',
		},
		{ failure: apiError( 'articleexists', 'The article you tried to create has been created already.' ), messageKey: 'helpdesk-error-articleexists', retry: true },
		{ failure: apiError( 'protectedpage', 'This page has been protected to prevent editing.' ), messageKey: 'helpdesk-error-protected', retry: false, detail: 'This page has been protected to prevent editing.' },
		{ failure: apiError( 'cascadeprotected', 'This page is transcluded in a cascade-protected page.' ), messageKey: 'helpdesk-error-protected', retry: false, detail: 'This page is transcluded in a cascade-protected page.' },
		{ failure: apiError( 'protectedtitle', 'This title has been protected from creation.' ), messageKey: 'helpdesk-error-protected', retry: false, detail: 'This title has been protected from creation.' },
		{ failure: apiError( 'permissiondenied', 'You do not have permission to create this page.' ), messageKey: 'helpdesk-error-permissiondenied', retry: false, detail: 'You do not have permission to create this page.' },
		{ failure: apiError( 'readonly', 'The wiki is currently in read-only mode. Reason: <b>upgrade</b>.', { readonlyreason: 'upgrade' } ), messageKey: 'helpdesk-error-readonly', retry: true, detail: 'The wiki is currently in read-only mode. Reason: <b>upgrade</b>.' },
		{ failure: apiError( 'maxlag', 'Waiting for a database server: 7 seconds lagged.', { host: 'db1', lag: 7, type: 'db' } ), messageKey: 'helpdesk-error-maxlag', retry: true },
		{ failure: apiError( 'ratelimited', 'As an anti-abuse measure, you are limited from performing this action too many times.' ), messageKey: 'helpdesk-error-ratelimited', retry: true },
		{ failure: { code: 'captcha-unsupported', errors: [] }, messageKey: 'helpdesk-error-captcha-unsupported', retry: false },
	];

	it.each( cases )( 'explains $failure.code', ( { failure, messageKey, retry, detail, params } ) => {
		const problem = problemFor( failure, context );
		expect( problem.code ).toBe( failure.code );
		expect( problem.messageKey ).toBe( messageKey );
		expect( problem.retry ).toBe( retry );
		expect( problem.keepDraft ).toBe( true );
		expect( problem.params ).toEqual( params || [] );
		expect( problem.detailHtml ).toBe( detail );
		expect( Object.prototype.hasOwnProperty.call( en, messageKey ) ).toBe( true );
	} );

	it( 'explains an unknown error with its code and the wiki\'s words, and suggests the editor', () => {
		const problem = problemFor( apiError( 'hookaborted', 'The modification you tried to make was aborted by an extension.' ), context );
		expect( problem ).toEqual( {
			code: 'hookaborted',
			messageKey: 'helpdesk-error-unknown',
			params: [ 'hookaborted' ],
			keepDraft: true,
			retry: true,
			suggestEditor: true,
			detailHtml: 'The modification you tried to make was aborted by an extension.',
		} );
	} );

	it( 'suggests the editor for a CAPTCHA the form cannot show, not for ordinary problems', () => {
		expect( problemFor( { code: 'captcha-unsupported', errors: [] }, context ).suggestEditor ).toBe( true );
		expect( problemFor( apiError( 'blocked', 'Blocked.' ), context ).suggestEditor ).toBe( false );
	} );

	it( 'escapes plain-text explanations (errorformat=bc)', () => {
		const problem = problemFor( failureFrom( 'readonly', { error: { code: 'readonly', info: 'Read-only <until> 10:00' } } ), context );
		expect( problem.detailHtml ).toBe( 'Read-only &#60;until&#62; 10:00' );
	} );
} );
