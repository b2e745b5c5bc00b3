/**
 * The requester's own requests (hidden gadget `HelpdeskOwn`, loaded by the loader
 * on request pages and on the landing page; it depends on the form module for the
 * form's messages and OOUI):
 *
 * - on a request page, "Edit my request" opens the form's fields filled with the
 *   request and saves only the template back (see edit.ts); on the requester's own
 *   request, once it is done or declined, a small form asks for their verdict
 *   (see verdict.ts);
 * - on the landing page, "My requests" lists the user's requests from the bot's
 *   data page (see mine.ts), in the placeholder `.helpdesk-my-requests`.
 *
 * Its own messages (`helpdesk-own-*`) travel in this module for every language,
 * so that the form module stays as small as it is.
 */
import { EXPORT_PAGE, REQUESTS_PREFIX } from '../../shared/pages';
import { WAITING_ON } from '../../shared/status';
import { ApiFailure, failureFrom } from '../filing/problems';
import { msg } from '../form/text';
import { openEditDialog } from './edit-dialog';
import { PageApi, PageRevision } from './edit';
import { DataPage, DataRequest, myRequests, statusKey } from './mine';
import { verdictWanted } from './verdict';
import { showVerdictForm } from './verdict-form';

function setMessages(): void {
	const language = mw.language as { getFallbackLanguageChain?: () => string[] } | undefined;
	const chain = [ String( mw.config.get( 'wgUserLanguage' ) || 'en' ) ]
		.concat( language && typeof language.getFallbackLanguageChain === 'function' ? language.getFallbackLanguageChain() : [] )
		.map( ( code ) => code.toLowerCase() )
		.concat( 'en' )
		.reverse();
	const messages: Record<string, string> = {};
	chain.forEach( ( code ) => {
		Object.assign( messages, HELPDESK_OWN_MESSAGES[ code ] || {} );
	} );
	mw.messages.set( messages );
}

function api(): mw.Api {
	return new mw.Api( { parameters: {
		format: 'json', formatversion: 2, errorformat: 'html', errorlang: 'uselang', errorsuselocal: true,
		uselang: String( mw.config.get( 'wgUserLanguage' ) || 'en' ),
	} } );
}

function call<T>( promise: JQuery.Promise<unknown> ): Promise<T> {
	return new Promise<T>( ( resolve, reject ) => {
		promise.then(
			( result ) => resolve( result as T ),
			( code: unknown, result: unknown ) => reject( failureFrom( code, result ) ),
		);
	} );
}

interface RevisionsResponse {
	query?: { pages?: { title: string; revisions?: { revid: number; timestamp: string; slots: { main: { content: string } } }[] }[] };
}

export function pageApi(): PageApi {
	const wiki = api();
	return {
		revision: ( title, revid ) => call<RevisionsResponse>( wiki.get( Object.assign( {
			action: 'query', prop: 'revisions', rvprop: 'ids|timestamp|content', rvslots: 'main',
		}, revid ? { revids: revid } : { titles: title } ) ) ).then( ( response ) => {
			const page = ( ( response.query || {} ).pages || [] )[ 0 ];
			const revision = page && page.revisions && page.revisions[ 0 ];
			if ( !revision ) {
				// eslint-disable-next-line no-throw-literal -- the PageApi rejects with an ApiFailure
				throw { code: 'missingtitle', errors: [] } as ApiFailure;
			}
			return { title: page.title, text: revision.slots.main.content, revid: revision.revid, timestamp: revision.timestamp };
		} ),
		edit: ( params ) => call( wiki.postWithEditToken( Object.assign( { action: 'edit' }, params ) as unknown as Parameters<typeof wiki.postWithEditToken>[ 0 ] ) ),
	};
}

/** On a request page: the button, for a logged-in user who can edit the page. */
function offerEdit( user: string ): void {
	const pages = pageApi();
	const revid = Number( mw.config.get( 'wgRevisionId' ) ) || undefined;
	pages.revision( String( mw.config.get( 'wgPageName' ) ).replace( /_/g, ' ' ), revid ).then( ( base: PageRevision ) => {
		const requester = /\|\s*requester\s*=\s*([^\n|}]*)/.exec( base.text );
		const own = !!requester && requester[ 1 ].trim().replace( /_/g, ' ' ) === user;
		const button = new OO.ui.ButtonWidget( {
			label: msg( own ? 'helpdesk-own-edit-button' : 'helpdesk-own-edit-button-other' ),
			icon: 'edit',
			classes: [ 'helpdesk-own-edit' ],
		} );
		button.on( 'click', () => openEditDialog( pages, base ) );
		$( '#mw-content-text' ).prepend( button.$element );
		const verdict = verdictWanted( base.text, user );
		if ( verdict ) {
			showVerdictForm( pages, base, user, verdict.language );
		}
	}, () => {
		// Not readable now: no button; the page's own edit link remains.
	} );
}

function statusLine( request: DataRequest ): string {
	const parts = [ msg( statusKey( request.status ) ) ];
	const waiting = request.waitingOn || ( request.status && ( WAITING_ON as Record<string, string> )[ request.status ] );
	if ( waiting && waiting !== 'nobody' && /^[a-z-]+$/.test( waiting ) ) {
		parts.push( msg( 'helpdesk-own-waiting-' + waiting ) );
	}
	if ( request.since ) {
		const since = new Date( request.since );
		parts.push( msg( 'helpdesk-own-mine-since', isNaN( since.getTime() ) ? request.since :
			since.toLocaleDateString( String( mw.config.get( 'wgUserLanguage' ) || 'en' ), { year: 'numeric', month: 'long', day: 'numeric' } ) ) );
	}
	return parts.join( ' · ' );
}

/** On the landing page: the user's requests, in the placeholder. */
export function showMine( $place: JQuery, user: string, read: ( title: string ) => Promise<DataPage> ): Promise<void> {
	const $heading = $( '<h2>' ).attr( 'id', 'helpdesk-my-requests-heading' ).text( msg( 'helpdesk-own-mine-heading' ) );
	$place.attr( { role: 'region', 'aria-labelledby': 'helpdesk-my-requests-heading' } ).empty().append( $heading );
	return myRequests( read, EXPORT_PAGE, user ).then( ( requests ) => {
		if ( !requests.length ) {
			$place.append( $( '<p>' ).addClass( 'helpdesk-my-requests-none' ).text( msg( 'helpdesk-own-mine-none' ) ) );
			return;
		}
		$place.append( $( '<ul>' ).append( requests.map( ( request ) => $( '<li>' ).append(
			// The title may be in another direction than the interface: keep it apart.
			$( '<bdi>' ).append( $( '<a>' ).attr( 'href', mw.util.getUrl( request.page ) )
				.text( request.title || request.page.slice( REQUESTS_PREFIX.length ) ) ),
			' – ',
			$( '<span>' ).addClass( 'helpdesk-my-requests-status' ).text( statusLine( request ) ),
		) ) ) );
	}, () => {
		$place.append( $( '<p>' ).addClass( 'helpdesk-my-requests-unavailable' ).text( msg( 'helpdesk-own-mine-unavailable' ) ) );
	} );
}

function readData( title: string ): Promise<DataPage> {
	return call<RevisionsResponse>( api().get( { action: 'query', prop: 'revisions', rvprop: 'content', rvslots: 'main', titles: title } ) )
		.then( ( response ) => {
			const page = ( ( response.query || {} ).pages || [] )[ 0 ];
			const revision = page && page.revisions && page.revisions[ 0 ];
			if ( !revision ) {
				throw new Error( title + ' is missing' );
			}
			return JSON.parse( revision.slots.main.content ) as DataPage;
		} );
}

function init(): void {
	const user = mw.config.get( 'wgUserName' ) as string | null;
	if ( !user ) {
		return;
	}
	setMessages();
	const name = String( mw.config.get( 'wgPageName' ) ).replace( /_/g, ' ' );
	if ( name.indexOf( REQUESTS_PREFIX ) === 0 && mw.config.get( 'wgAction' ) === 'view' &&
		mw.config.get( 'wgIsProbablyEditable' ) && Number( mw.config.get( 'wgArticleId' ) ) > 0 ) {
		offerEdit( user );
	}
	const $place = $( '.helpdesk-my-requests' ).first();
	if ( $place.length ) {
		showMine( $place, user, readData );
	}
}

const form = ( mw.libs as { helpdeskForm?: { ready?: Promise<void> } } ).helpdeskForm;
( form && form.ready ? form.ready : Promise.resolve() ).then( () => $( init ) );
