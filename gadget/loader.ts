/**
 * The default gadget: tiny, on every page, doing something only on the Helpdesk's
 * pages. It turns the landing page's "Request support" link (which opens the
 * ordinary editor with a preload, for readers without JavaScript) into a button
 * that loads the form module and opens the form. It also loads the module when
 * the form handed something over to this page (a confirmation, editor text).
 * The user's translation modules load alongside the form, in the same request.
 *
 * So that the form opens at once, the modules load in the background as soon as
 * a page with the button is ready (or the pointer or focus reaches the button),
 * and the form module then builds the form while the page is idle.
 */
import { EDITOR_KEY, FILED_KEY } from './session-keys';
import { FORM_MODULE, OWN_MODULE, translationModule } from './translations';

/**
 * shared/pages.ts's isHelpdeskPage, inlined: importing that module would bring all
 * its page names along. The build defines HELPDESK_PAGE from it, and the build's
 * test checks that both agree.
 */
function isHelpdeskPage( pageName: string ): boolean {
	const name = pageName.replace( /_/g, ' ' );
	return name === HELPDESK_PAGE || name.indexOf( HELPDESK_PAGE + '/' ) === 0;
}

/**
 * The form module and the translation modules of the user's language and of its
 * base language (`pt-br` → `pt`), those that exist. The form loads any other
 * language of MediaWiki's fallback chain itself.
 */
function formModules(): string[] {
	const language = String( mw.config.get( 'wgUserLanguage' ) || '' ).toLowerCase();
	return [ FORM_MODULE ].concat( HELPDESK_TRANSLATIONS
		.filter( ( code ) => code === language || code === language.split( '-' )[ 0 ] )
		.map( translationModule ) );
}

interface FormModule {
	open(): void;
}

function formModule(): FormModule | undefined {
	return ( mw.libs as { helpdeskForm?: FormModule } ).helpdeskForm;
}

function handedOver(): boolean {
	try {
		return !!( sessionStorage.getItem( FILED_KEY ) || sessionStorage.getItem( EDITOR_KEY ) );
	} catch ( error ) {
		// Storage can be disabled (a SecurityError); then nothing was handed over either.
		if ( error instanceof DOMException ) {
			return false;
		}
		throw error;
	}
}

/** Load the form's modules in the background, ahead of a click; the form then builds itself when idle. */
function preload(): void {
	mw.loader.load( formModules() );
}

/** Load the form and open it; when it cannot load, the link is the way. */
function openForm( link: HTMLAnchorElement | null ): void {
	if ( link ) {
		link.setAttribute( 'aria-busy', 'true' );
		link.style.cursor = 'progress';
	}
	const done = (): void => {
		if ( link ) {
			link.removeAttribute( 'aria-busy' );
			link.style.cursor = '';
		}
	};
	// A translation that fails to load leaves the form in English; only a form that fails leaves the link.
	mw.loader.using( formModules() ).catch( () => mw.loader.using( FORM_MODULE ) ).then( () => {
		done();
		const form = formModule();
		if ( form ) {
			form.open();
		} else if ( link ) {
			location.href = link.href;
		}
	}, () => {
		done();
		if ( link ) {
			location.href = link.href;
		}
	} );
}

function init(): void {
	const name = String( mw.config.get( 'wgPageName' ) );
	if ( !isHelpdeskPage( name ) ) {
		return;
	}
	const links = Array.prototype.slice.call(
		document.querySelectorAll( '.helpdesk-request-button a' ),
	) as HTMLAnchorElement[];
	links.forEach( ( link ) => {
		link.setAttribute( 'role', 'button' );
		link.setAttribute( 'aria-haspopup', 'dialog' );
		link.addEventListener( 'click', ( event ) => {
			if ( event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey ) {
				event.preventDefault();
				openForm( link );
			}
		} );
		[ 'pointerenter', 'focus', 'touchstart' ].forEach( ( type ) => {
			link.addEventListener( type, preload, { passive: true } );
		} );
		link.addEventListener( 'keydown', ( event ) => {
			// A button opens with Space too; on a link, Space would scroll the page.
			if ( event.key === ' ' ) {
				event.preventDefault();
				openForm( link );
			}
		} );
	} );
	// "Edit my request" on a request page, "My requests" on the landing page: their own module.
	if ( mw.config.get( 'wgUserName' ) && ( /\/Requests\/./.test( name ) || links.length ) ) {
		mw.loader.load( OWN_MODULE );
	}
	if ( /[?&]helpdesk=form(?:&|$)/.test( location.search ) ) {
		openForm( links[ 0 ] || null );
	} else if ( handedOver() ) {
		mw.loader.load( formModules() );
	} else if ( links.length && document.querySelector( '.helpdesk-my-requests' ) ) {
		// The landing page (in any language) is where the form is wanted: load it now, in the background.
		preload();
	}
}

$( init );
