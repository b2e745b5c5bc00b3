/**
 * The form module (hidden gadget), loaded by the loader on demand. It sets up the
 * messages in the user's language (loading its translation modules unless the
 * loader already did), exposes `mw.libs.helpdeskForm.open()`, and finishes what an
 * earlier page handed over: the confirmation on a request just filed, the
 * request's text in the ordinary editor.
 */
import { DraftStore } from '../filing/draft';
import { clearEditorHandoff, editorHandoffFor, SessionStore, takeFiled, textForEditor } from '../filing/handoff';
import { languageChain, messagesFor, translationsToLoad } from '../filing/messages';
import { translationModule, translationRegistry } from '../translations';
import { createRequestDialog, FormEnvironment, RequestDialog } from './dialog';
import { msg } from './text';
import { wikiApi } from './wiki-api';

function userLanguage(): string {
	return String( mw.config.get( 'wgUserLanguage' ) || 'en' );
}

function languages(): string[] {
	const language = mw.language as { getFallbackLanguageChain?: () => string[] } | undefined;
	const chain = language && typeof language.getFallbackLanguageChain === 'function' ?
		language.getFallbackLanguageChain() :
		[];
	return languageChain( userLanguage(), chain );
}

function pageName(): string {
	return String( mw.config.get( 'wgPageName' ) );
}

function session(): SessionStore {
	return mw.storage.session as unknown as SessionStore;
}

/** Where to log in and come back with the form open (the draft is offered back). */
function loginUrl(): string {
	return mw.util.getUrl( 'Special:UserLogin', { returnto: pageName(), returntoquery: 'helpdesk=form' } );
}

function environment(): FormEnvironment {
	const user = mw.config.get( 'wgUserName' ) as string | null;
	const $content = $( '#mw-content-text' );
	const api = wikiApi( userLanguage() );
	return {
		user: user,
		language: userLanguage(),
		languages: languages(),
		api: api,
		similar: api,
		drafts: new DraftStore( mw.storage as unknown as ConstructorParameters<typeof DraftStore>[ 0 ], user ),
		session: session(),
		loginUrl: loginUrl(),
		// A language chosen with ?uselang= stays for the confirmation on the new page.
		pageUrl: ( title ) => mw.util.getUrl( title, mw.util.getParamValue( 'uselang' ) ? { uselang: String( mw.util.getParamValue( 'uselang' ) ) } : undefined ),
		editorUrl: ( title, summary ) => mw.util.getUrl( title, { action: 'edit', summary: summary } ),
		navigate: ( url ) => {
			location.href = url;
		},
		contentLanguage: String( mw.config.get( 'wgPageContentLanguage' ) || mw.config.get( 'wgContentLanguage' ) || 'en' ),
		contentDir: $content.attr( 'dir' ) || ( $content.find( '.mw-content-rtl' ).length ? 'rtl' : 'ltr' ),
	};
}

/**
 * Load the translations of the user's fallback chain that are not there yet, then
 * set the messages. A module that fails to load is left out: its messages come
 * from the next language of the chain, at last English. Each is asked for on its
 * own so that one failing does not hide the others.
 */
function loadMessages(): Promise<void> {
	const chain = languages();
	const wanted = translationsToLoad( chain, HELPDESK_TRANSLATIONS, translationRegistry() );
	const loading = wanted.map( ( language ) => new Promise<void>( ( resolve ) => {
		mw.loader.using( translationModule( language ) ).then( () => resolve(), () => resolve() );
	} ) );
	return Promise.all( loading ).then( () => {
		mw.messages.set( messagesFor( chain, translationRegistry() ) );
	} );
}

const messagesReady = loadMessages();

let windowManager: OO.ui.WindowManager | null = null;
let dialog: RequestDialog | null = null;

/** Build the dialog once (it reads the messages when it is built). */
function buildDialog(): RequestDialog {
	if ( !windowManager || !dialog ) {
		windowManager = new OO.ui.WindowManager();
		// The form can be used as soon as it is shown: the fields take input and
		// focus while the dialog's entrance transition still plays; closed, it can
		// open again at once.
		windowManager.getReadyDelay = windowManager.getTeardownDelay = () => 0;
		$( document.body ).append( windowManager.$element );
		dialog = createRequestDialog( environment() );
		windowManager.addWindows( [ dialog ] );
	}
	return dialog;
}

function openDialog(): void {
	const built = buildDialog();
	if ( !built.isOpened() && !built.isOpening() && windowManager ) {
		windowManager.openWindow( built );
	}
}

/** Open the form once its messages are there. */
function open(): Promise<void> {
	return messagesReady.then( openDialog );
}

/** Build the form while the page is idle, so that opening it only shows it. */
function prepare(): void {
	messagesReady.then( () => {
		// After the page's own work (requestIdleCallback would wait for it, but not everywhere).
		setTimeout( buildDialog, 100 );
	} );
}

/** On the page of a request just filed: say so. */
function confirmFiled(): void {
	if ( takeFiled( session(), pageName(), new Date() ) ) {
		mw.notify( msg( 'helpdesk-filed-notification' ), { type: 'success', autoHide: false, tag: 'helpdesk-filed' } );
	}
}

/** In the ordinary editor: fill in the request; once the page exists, the draft has served. */
function continueInEditor(): void {
	const handoff = editorHandoffFor( session(), pageName(), new Date() );
	if ( !handoff ) {
		return;
	}
	const action = mw.config.get( 'wgAction' );
	if ( ( action === 'edit' || action === 'submit' ) && Number( mw.config.get( 'wgArticleId' ) ) === 0 ) {
		const fill = (): void => {
			const $textbox = $( '#wpTextbox1' );
			const text = $textbox.length ? textForEditor( handoff, String( $textbox.val() ) ) : null;
			if ( text === null ) {
				return;
			}
			// textSelection also reaches CodeMirror and WikiEditor's views of the textbox.
			const withSelection = $textbox as JQuery & { textSelection?: ( command: string, value: string ) => void };
			if ( typeof withSelection.textSelection === 'function' ) {
				withSelection.textSelection( 'setContents', text );
			} else {
				$textbox.val( text );
			}
			$( '#wpSummary' ).val( handoff.summary );
			mw.notify( msg( 'helpdesk-editor-filled' ), { tag: 'helpdesk-editor' } );
		};
		mw.loader.using( 'jquery.textSelection' ).always( () => {
			$( fill );
		} );
	} else if ( action === 'view' && Number( mw.config.get( 'wgArticleId' ) ) > 0 && mw.config.get( 'wgPostEdit' ) ) {
		// Saved from the editor: filed after all.
		clearEditorHandoff( session() );
		new DraftStore( mw.storage as unknown as ConstructorParameters<typeof DraftStore>[ 0 ], handoff.requester ).remove();
		mw.notify( msg( 'helpdesk-filed-notification' ), { type: 'success', autoHide: false, tag: 'helpdesk-filed' } );
	}
}

( mw.libs as { helpdeskForm?: unknown } ).helpdeskForm = { open: open, build: HELPDESK_BUILD, ready: messagesReady };
// Loaded ahead of a click on a page with the button: have the form ready for it.
if ( document.querySelector( '.helpdesk-request-button' ) ) {
	prepare();
}
messagesReady.then( () => {
	confirmFiled();
	continueInEditor();
} );
