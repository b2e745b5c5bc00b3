/**
 * The request form: an OOUI process dialog with two panels, the form and the
 * preview. Everything it decides is done by the filing modules; this file puts
 * widgets on the screen and wires them.
 */
import type { HelpdeskRequest, RequestFormFields } from '../../shared/request';
import { countryChoices } from '../filing/country-names';
import { Draft, DraftAutosave, DraftSaveResult, DraftStore, draftTime } from '../filing/draft';
import {
	emptyFields, FieldName, fieldMessageText, fieldProblems, isBlank, messagesByField, requestFromFields, requiredFields,
} from '../filing/fields';
import { handOverToEditor, rememberFiled, SessionStore } from '../filing/handoff';
import { ApiFailure, FilingProblem, problemFor } from '../filing/problems';
import {
	CaptchaChallenge, editorTitle, fileRequest, FilingTexts, previewRequest, RequestApi, RequestPreview, requestWikitext,
} from '../filing/save';
import { FieldControl, requestControls } from './field-controls';
import { SimilarApi, SimilarRequest, SimilarRequestsWatcher } from '../filing/similar';
import { html, msg } from './text';

export interface FormEnvironment {
	/** `wgUserName`; null when logged out. */
	user: string | null;
	/** `wgUserLanguage` */
	language: string;
	/** The user's language and its fallbacks, for country names and dates. */
	languages: string[];
	api: RequestApi;
	/** Reads the requests filed so far, to show those like the one being written. */
	similar: SimilarApi;
	drafts: DraftStore;
	session: SessionStore;
	/** Log in and come back to the open form. */
	loginUrl: string;
	pageUrl( title: string ): string;
	editorUrl( title: string, summary: string ): string;
	navigate( url: string ): void;
	/** Language and direction of the wiki's content, for the preview. */
	contentLanguage: string;
	contentDir: string;
}

type Mode = 'form' | 'preview';

/** Sections of the form and their fields, most important first. */
const SECTIONS: { legend: string; fields: FieldName[] }[] = [
	{ legend: 'helpdesk-fieldset-request', fields: [ 'title', 'support', 'description' ] },
	{ legend: 'helpdesk-fieldset-partnership', fields: [ 'affiliate', 'individual', 'country', 'partners', 'stage' ] },
	{ legend: 'helpdesk-fieldset-content', fields: [ 'contentType', 'volume', 'projects', 'languages' ] },
	{ legend: 'helpdesk-fieldset-more', fields: [ 'timeline', 'links' ] },
];

function messageBox( type: 'error' | 'warning' | 'notice' | 'success', classes: string[] ): OO.ui.MessageWidget {
	const box = new OO.ui.MessageWidget( { type: type, classes: classes } );
	box.toggle( false );
	return box;
}

export class RequestDialog extends OO.ui.ProcessDialog {
	/** The dialog's body, made by OOUI (not in its type declarations). */
	declare public $body: JQuery;

	declare private readonly env: FormEnvironment;

	declare private controls: FieldControl[];

	declare private byName: Partial<Record<FieldName, FieldControl>>;

	declare private autosave: DraftAutosave;

	declare private storageWorks: boolean;

	/** The form has content the user typed in this page that is not filed yet. */
	declare private unsaved: boolean;

	declare private draftDecided: boolean;

	declare private touched: Partial<Record<FieldName, boolean>>;

	declare private preview: RequestPreview | null;

	/** The edit to send again as it is (after a CAPTCHA or a filter's warning). */
	declare private resubmitTitle: string | null;

	declare private captcha: CaptchaChallenge | null;

	declare private leaving: boolean;

	declare private stack: OO.ui.StackLayout;

	declare private formPanel: OO.ui.PanelLayout;

	declare private previewPanel: OO.ui.PanelLayout;

	declare private $fields: JQuery;

	declare private draftOffer: OO.ui.MessageWidget;

	declare private storageNotice: OO.ui.MessageWidget;

	declare private formProblem: OO.ui.MessageWidget;

	declare private filingProblem: OO.ui.MessageWidget;

	declare private sameTitleNotice: OO.ui.MessageWidget;

	declare private similarNotice: OO.ui.MessageWidget;

	declare private similarWatcher: SimilarRequestsWatcher;

	declare private $previewIntro: JQuery;

	declare private $previewContent: JQuery;

	declare private $captcha: JQuery;

	declare private $captchaIntro: JQuery;

	declare private $captchaChallenge: JQuery;

	declare private captchaInput: OO.ui.TextInputWidget;

	declare private captchaLayout: OO.ui.FieldLayout;

	public constructor( env: FormEnvironment ) {
		super( { size: 'large', classes: [ 'helpdesk-form' ] } );
		this.env = env;
		this.autosave = new DraftAutosave( env.drafts, ( result ) => this.onDraftSaved( result ) );
		this.similarWatcher = new SimilarRequestsWatcher( env.similar, ( similar ) => this.showSimilar( similar ) );
		this.controls = [];
		this.byName = {};
		this.storageWorks = true;
		this.unsaved = false;
		this.draftDecided = false;
		this.touched = {};
		this.preview = null;
		this.resubmitTitle = null;
		this.captcha = null;
		this.leaving = false;
	}

	public override getBodyHeight(): number {
		// Tall enough for the form; OOUI makes the dialog full-screen on narrow screens.
		return Math.max( 400, Math.round( window.innerHeight * 0.7 ) );
	}

	public override initialize(): this {
		super.initialize();
		this.$element.attr( { dir: $( 'html' ).attr( 'dir' ) || 'ltr', lang: this.env.language } );
		this.buildFormPanel();
		this.buildPreviewPanel();
		this.stack = new OO.ui.StackLayout( { items: [ this.formPanel, this.previewPanel ] } );
		this.$body.append( this.stack.$element );
		window.addEventListener( 'beforeunload', ( event ) => this.onBeforeUnload( event ) );
		window.addEventListener( 'pagehide', () => this.autosave.flush() );
		return this;
	}

	private buildFormPanel(): void {
		this.formPanel = new OO.ui.PanelLayout( { padded: true, expanded: false, classes: [ 'helpdesk-form-panel' ] } );
		const $intro = $( '<p>' ).addClass( 'helpdesk-intro' ).text( msg( 'helpdesk-form-intro' ) );
		const $who = this.env.user ?
			$( '<p>' ).addClass( 'helpdesk-requester' ).text( msg( 'helpdesk-form-requester', this.env.user ) ) :
			new OO.ui.MessageWidget( {
				type: 'warning',
				classes: [ 'helpdesk-anonymous' ],
				label: new OO.ui.HtmlSnippet( html( 'helpdesk-form-anonymous', this.env.loginUrl ) ),
			} ).$element;
		this.linkFlushesDraft( $who );
		this.draftOffer = messageBox( 'notice', [ 'helpdesk-draft-offer' ] );
		this.storageNotice = messageBox( 'warning', [ 'helpdesk-storage-notice' ] );
		this.storageNotice.setLabel( msg( 'helpdesk-draft-unavailable' ) );
		this.formProblem = messageBox( 'error', [ 'helpdesk-error', 'helpdesk-form-problem' ] );
		this.formProblem.$element.attr( 'role', 'alert' );
		this.similarNotice = messageBox( 'notice', [ 'helpdesk-similar' ] );
		// Read out when it appears or changes, without taking the focus from the field.
		this.similarNotice.$element.attr( 'role', 'status' );

		this.controls = requestControls( countryChoices( this.env.languages ), this.$overlay );
		this.controls.forEach( ( control ) => {
			this.byName[ control.name ] = control;
			control.onChange( () => this.onFieldChange( control.name ) );
			control.onEnter( () => {
				if ( !this.isPending() ) {
					this.executeAction( 'preview' );
				}
			} );
			control.layout.$element.on( 'focusout', () => {
				// Check a field the user has changed once they leave it, not while they type.
				this.showProblems( false );
			} );
		} );
		this.$fields = $( '<div>' ).addClass( 'helpdesk-fields' );
		SECTIONS.forEach( ( section ) => {
			const fieldset = new OO.ui.FieldsetLayout( { label: msg( section.legend ) } );
			fieldset.addItems( section.fields.map( ( name ) => ( this.byName[ name ] as FieldControl ).layout ) );
			this.$fields.append( fieldset.$element );
		} );
		// Under the title, where the user starts; it names affiliates and partners too.
		( this.byName.title as FieldControl ).layout.$element.after( this.similarNotice.$element );
		this.formPanel.$element.append(
			$intro, $who, this.draftOffer.$element, this.storageNotice.$element, this.formProblem.$element, this.$fields,
		);
	}

	private buildPreviewPanel(): void {
		this.previewPanel = new OO.ui.PanelLayout( { padded: true, expanded: false, classes: [ 'helpdesk-preview-panel' ] } );
		this.filingProblem = messageBox( 'error', [ 'helpdesk-error', 'helpdesk-filing-problem' ] );
		this.filingProblem.$element.attr( 'role', 'alert' );
		this.linkFlushesDraft( this.filingProblem.$element );
		this.sameTitleNotice = messageBox( 'warning', [ 'helpdesk-same-title' ] );
		this.captchaInput = new OO.ui.TextInputWidget( {
			classes: [ 'helpdesk-captcha-input' ],
			inputId: 'helpdesk-captcha-input',
			autocomplete: false,
			spellcheck: false,
		} );
		this.captchaInput.$input.attr( { autocapitalize: 'off', autocorrect: 'off', 'aria-required': 'true' } );
		this.captchaInput.on( 'enter', () => {
			if ( !this.isPending() ) {
				this.executeAction( 'save' );
			}
		} );
		this.captchaLayout = new OO.ui.FieldLayout( this.captchaInput, { label: msg( 'helpdesk-captcha-label' ), align: 'top' } );
		this.$captchaIntro = $( '<p>' );
		this.$captchaChallenge = $( '<div>' ).addClass( 'helpdesk-captcha-challenge' );
		this.$captcha = $( '<div>' ).addClass( 'helpdesk-captcha' ).attr( 'role', 'group' )
			.append( this.$captchaIntro, this.$captchaChallenge, this.captchaLayout.$element )
			.hide();
		this.$previewIntro = $( '<p>' ).addClass( 'helpdesk-preview-intro' ).attr( 'tabindex', '-1' );
		this.$previewContent = $( '<div>' )
			.addClass( 'helpdesk-preview mw-body-content' )
			.attr( { lang: this.env.contentLanguage, dir: this.env.contentDir } );
		this.previewPanel.$element.append(
			this.filingProblem.$element, this.$captcha, this.sameTitleNotice.$element, this.$previewIntro, this.$previewContent,
		);
	}

	/** Links in messages (log in) leave the page: keep the draft first, and do not ask. */
	private linkFlushesDraft( $container: JQuery ): void {
		$container.on( 'click', 'a', () => {
			this.autosave.flush();
			this.leaving = true;
		} );
	}

	public override getSetupProcess( data?: Record<string, unknown> ): OO.ui.Process {
		return super.getSetupProcess( data ).next( () => {
			this.setMode( 'form' );
			if ( !this.draftDecided ) {
				this.offerDraft( this.env.drafts.load() );
			}
		} );
	}

	public override getReadyProcess( data?: Record<string, unknown> ): OO.ui.Process {
		return super.getReadyProcess( data ).next( () => {
			// Autosized text areas measure themselves wrongly while the dialog opens.
			this.controls.forEach( ( control ) => control.refresh() );
			if ( this.draftDecided ) {
				this.focusFirst();
			}
		} );
	}

	public override getTeardownProcess( data?: Record<string, unknown> ): OO.ui.Process {
		return super.getTeardownProcess( data ).next( () => {
			this.autosave.flush();
			if ( this.draftDecided && !isBlank( this.readFields() ) && !this.leaving ) {
				mw.notify( msg( 'helpdesk-draft-kept' ), { tag: 'helpdesk-draft' } );
			}
		} );
	}

	public override getActionProcess( action?: string ): OO.ui.Process {
		switch ( action ) {
			case 'preview':
				return new OO.ui.Process( () => this.showPreview() );
			case 'save':
				return new OO.ui.Process( () => this.file() );
			case 'back':
				return new OO.ui.Process( () => {
					this.setMode( 'form' );
					this.focusFirst();
				} );
			case 'editor':
				return new OO.ui.Process( () => this.openEditor() );
			case 'cancel':
				return new OO.ui.Process( () => {
					this.close( { action: action } );
				} );
		}
		return super.getActionProcess( action );
	}

	private setMode( mode: Mode ): void {
		this.getActions().setMode( mode );
		this.stack.setItem( mode === 'form' ? this.formPanel : this.previewPanel );
	}

	/** Before the user chooses, the form stays hidden so that nothing typed can replace the draft. */
	private offerDraft( draft: Draft | null ): void {
		if ( !draft ) {
			this.decideDraft( null );
			return;
		}
		this.$fields.hide();
		this.getActions().setAbilities( { preview: false } );
		const restore = new OO.ui.ButtonWidget( {
			label: msg( 'helpdesk-draft-restore' ),
			flags: [ 'primary', 'progressive' ],
			classes: [ 'helpdesk-draft-restore' ],
		} );
		const discard = new OO.ui.ButtonWidget( {
			label: msg( 'helpdesk-draft-discard' ),
			flags: [ 'destructive' ],
			classes: [ 'helpdesk-draft-discard' ],
		} );
		restore.on( 'click', () => this.decideDraft( draft ) );
		discard.on( 'click', () => {
			this.env.drafts.remove();
			this.decideDraft( null );
		} );
		this.draftOffer.setLabel( $( '<div>' ).append(
			$( '<p>' ).text( msg( 'helpdesk-draft-offer', draftTime( draft, this.env.languages ) ) ),
			$( '<div>' ).addClass( 'helpdesk-draft-buttons' ).append( restore.$element, discard.$element ),
		) );
		this.draftOffer.toggle( true );
		restore.focus();
	}

	private decideDraft( draft: Draft | null ): void {
		this.draftDecided = true;
		this.draftOffer.toggle( false );
		this.$fields.show();
		this.getActions().setAbilities( { preview: true } );
		this.writeFields( draft ? draft.fields : emptyFields() );
		this.controls.forEach( ( control ) => control.refresh() );
		if ( draft ) {
			this.similarWatcher.changed( draft.fields );
			// Show at once what needs doing in a restored draft.
			this.controls.forEach( ( control ) => {
				this.touched[ control.name ] = true;
			} );
			this.showProblems( false );
		}
		this.focusFirst();
	}

	private focusFirst(): void {
		const invalid = this.controls.filter( ( control ) => control.hasProblems() )[ 0 ];
		( invalid || this.controls[ 0 ] ).focus();
	}

	public readFields(): RequestFormFields {
		const fields = emptyFields();
		this.controls.forEach( ( control ) => control.read( fields ) );
		return fields;
	}

	/** Put fields into the widgets; their change events are not the user's doing. */
	private writeFields( fields: RequestFormFields ): void {
		const decided = this.draftDecided;
		this.draftDecided = false;
		this.controls.forEach( ( control ) => control.write( fields ) );
		this.draftDecided = decided;
		this.unsaved = false;
		this.markAffiliate( fields.individual );
	}

	/** An individual volunteer names no affiliate: then the field is not required. */
	private markAffiliate( individual: boolean ): void {
		const affiliate = this.byName.affiliate;
		if ( affiliate && requiredFields().includes( 'affiliate' ) ) {
			affiliate.setRequired( !individual );
		}
	}

	private onFieldChange( name: FieldName ): void {
		// Before the draft is decided on, or while the form fills itself, nothing is typed.
		if ( !this.draftDecided ) {
			return;
		}
		this.unsaved = true;
		this.touched[ name ] = true;
		const fields = this.readFields();
		this.autosave.changed( fields );
		this.similarWatcher.changed( fields );
		if ( name === 'individual' ) {
			this.markAffiliate( fields.individual );
		}
		const control = this.byName[ name ];
		// Clear an error as soon as it is fixed; new ones wait until the field is left.
		if ( control && control.hasProblems() || name === 'individual' ) {
			this.showProblems( false );
		}
	}

	/** Links to the requests like this one (none: hidden). */
	private showSimilar( similar: SimilarRequest[] ): void {
		if ( !similar.length ) {
			this.similarNotice.toggle( false );
			return;
		}
		const $list = $( '<ul>' ).append( similar.map( ( request ) => $( '<li>' ).append(
			$( '<a>' ).attr( { href: this.env.pageUrl( request.title ), target: '_blank' } ).text( request.name ),
		) ) );
		this.similarNotice.setLabel( $( '<div>' ).append( $( '<p>' ).text( msg( 'helpdesk-similar-intro' ) ), $list ) );
		this.similarNotice.toggle( true );
	}

	private onDraftSaved( result: DraftSaveResult ): void {
		this.storageWorks = result !== 'unavailable';
		this.storageNotice.toggle( !this.storageWorks );
	}

	/**
	 * Show the problems of touched fields (all of them when `all`). Returns how many
	 * fields have problems.
	 */
	private showProblems( all: boolean ): number {
		const byField = messagesByField( fieldProblems( this.readFields() ) );
		let count = 0;
		this.controls.forEach( ( control ) => {
			const messages = byField.get( control.name ) || [];
			if ( messages.length ) {
				count++;
			}
			const visible = all || this.touched[ control.name ] || control.hasProblems();
			control.showProblems( visible ? messages.map( ( message ) => fieldMessageText( message, msg ) ) : [] );
		} );
		if ( count === 0 ) {
			this.formProblem.toggle( false );
		}
		return count;
	}

	private texts(): FilingTexts {
		return { summary: '', discussionHeading: msg( 'helpdesk-discussion-heading' ) };
	}

	private currentRequest(): HelpdeskRequest {
		return requestFromFields( this.readFields(), { requester: this.env.user || '', language: this.env.language }, new Date() );
	}

	private showPreview(): JQuery.Promise<void> | void {
		this.autosave.flush();
		this.controls.forEach( ( control ) => {
			this.touched[ control.name ] = true;
		} );
		const count = this.showProblems( true );
		if ( count > 0 ) {
			this.formProblem.setLabel( msg( 'helpdesk-problems-summary', count ) );
			this.formProblem.toggle( true );
			this.focusFirst();
			return;
		}
		this.formProblem.toggle( false );
		const request = this.currentRequest();
		const texts = this.texts();
		return $.Deferred<void>( ( deferred ) => {
			previewRequest( this.env.api, request, texts ).then( ( preview ) => {
				this.preview = preview;
				this.resubmitTitle = null;
				this.showCaptcha( null );
				this.filingProblem.toggle( false );
				this.fillPreview( preview );
				this.setMode( 'preview' );
				this.$previewIntro.trigger( 'focus' );
				deferred.resolve();
			}, ( failure: ApiFailure ) => {
				this.showFormProblem( failure );
				deferred.resolve();
			} );
		} ).promise();
	}

	/** previewRequest() rejects with an ApiFailure. */
	private showFormProblem( failure: ApiFailure ): void {
		const problem = problemFor( failure, { loginUrl: this.env.loginUrl } );
		this.formProblem.setLabel( this.problemContent( problem ) );
		this.formProblem.toggle( true );
	}

	private fillPreview( preview: RequestPreview ): void {
		// First-strong isolates keep a title in another direction from reordering the sentence.
		this.$previewIntro.text( msg( 'helpdesk-preview-intro', '\u2068' + preview.title + '\u2069' ) );
		if ( preview.sameTitle.length ) {
			const $links = $( '<span>' );
			preview.sameTitle.forEach( ( title, index ) => {
				$links.append( index ? ', ' : '', $( '<a>' ).attr( { href: this.env.pageUrl( title ), target: '_blank' } ).text( title ) );
			} );
			this.sameTitleNotice.setLabel( $( '<span>' ).html( html( 'helpdesk-preview-same-title', $links ) ) );
			this.sameTitleNotice.toggle( true );
		} else {
			this.sameTitleNotice.toggle( false );
		}
		this.$previewContent.html( preview.html );
		if ( preview.moduleStyles.length ) {
			mw.loader.load( preview.moduleStyles );
		}
		if ( preview.modules.length ) {
			mw.loader.load( preview.modules );
		}
	}

	private showCaptcha( captcha: CaptchaChallenge | null, wrongAnswer = false ): void {
		this.captcha = captcha;
		// Only the challenge is replaced: emptying the input's container would drop its event handlers.
		const $challenge = this.$captchaChallenge.empty();
		if ( !captcha ) {
			this.$captcha.hide();
			return;
		}
		this.$captchaIntro.text( msg( wrongAnswer ? 'helpdesk-captcha-retry' : 'helpdesk-captcha-intro' ) );
		if ( captcha.url !== undefined ) {
			$challenge.append( $( '<img>' ).attr( { src: captcha.url, alt: msg( 'helpdesk-captcha-image-alt' ) } ) );
		}
		if ( captcha.question !== undefined ) {
			// Question CAPTCHAs are HTML written by the wiki's administrators.
			const $question = $( '<p>' ).addClass( 'helpdesk-captcha-question' ).attr( 'id', 'helpdesk-captcha-question' );
			if ( captcha.mime === 'text/html' ) {
				$question.html( captcha.question );
			} else {
				$question.text( captcha.question );
			}
			$challenge.append( $question );
			this.captchaInput.$input.attr( 'aria-describedby', 'helpdesk-captcha-question' );
		}
		this.captchaInput.setValue( '' );
		this.captchaLayout.setErrors( [] );
		this.$captcha.show();
	}

	private file(): JQuery.Promise<void> | void {
		this.autosave.flush();
		let answer: { id: string; word: string } | undefined;
		if ( this.captcha ) {
			const word = this.captchaInput.getValue().trim();
			if ( word === '' ) {
				this.captchaLayout.setErrors( [ msg( 'helpdesk-problem-required' ) ] );
				this.captchaInput.focus();
				return;
			}
			answer = { id: this.captcha.id, word: word };
		}
		const request = this.currentRequest();
		const texts = this.texts();
		texts.summary = msg( 'helpdesk-edit-summary', request.title );
		return $.Deferred<void>( ( deferred ) => {
			fileRequest( this.env.api, {
				request: request,
				texts: texts,
				loggedIn: !!this.env.user,
				title: this.resubmitTitle || undefined,
				captcha: answer,
				context: { loginUrl: this.env.loginUrl },
			} ).then( ( outcome ) => {
				if ( outcome.status === 'filed' ) {
					this.autosave.cancel();
					this.env.drafts.remove();
					rememberFiled( this.env.session, outcome.title, new Date() );
					this.leaving = true;
					this.unsaved = false;
					this.env.navigate( this.env.pageUrl( outcome.title ) );
					// Stay pending until the new page replaces this one.
					return;
				}
				if ( this.preview ) {
					this.preview.title = outcome.title || this.preview.title;
				}
				if ( outcome.status === 'captcha' ) {
					this.filingProblem.toggle( false );
					this.resubmitTitle = outcome.title;
					this.showCaptcha( outcome.captcha, !!answer );
					this.captchaInput.focus();
				} else {
					this.showCaptcha( null );
					this.resubmitTitle = outcome.problem.code === 'abusefilter-warning' ? outcome.title : null;
					this.filingProblem.setLabel( this.problemContent( outcome.problem ) );
					this.filingProblem.toggle( true );
					// When nothing else can be done here, the way out stands out.
					this.getActions().get( { actions: 'editor' } ).forEach( ( action ) => {
						action.setFlags( { progressive: outcome.problem.suggestEditor } );
					} );
					this.filingProblem.$element.attr( 'tabindex', '-1' ).trigger( 'focus' );
				}
				deferred.resolve();
			} );
		} ).promise();
	}

	private problemContent( problem: FilingProblem ): JQuery {
		const $content = $( '<div>' ).append( $( '<p>' ).html( html( problem.messageKey, ...problem.params ) ) );
		if ( problem.detailHtml ) {
			$content.append(
				$( '<p>' ).addClass( 'helpdesk-error-details-label' ).text( msg( 'helpdesk-error-details' ) ),
				$( '<div>' ).addClass( 'helpdesk-error-details' ).html( problem.detailHtml ),
			);
		}
		return $content;
	}

	/** The last resort: the ordinary editor, with the request's wikitext filled in. */
	private openEditor(): JQuery.Promise<void> {
		this.autosave.flush();
		const request = this.currentRequest();
		const texts = this.texts();
		texts.summary = msg( 'helpdesk-edit-summary', request.title );
		const known = this.resubmitTitle || ( this.preview ? this.preview.title : null );
		return $.Deferred<void>( () => {
			( known ? Promise.resolve( known ) : editorTitle( this.env.api, request.title ) ).then( ( title ) => {
				handOverToEditor( this.env.session, {
					title: title,
					text: requestWikitext( request, texts ),
					summary: texts.summary,
					requester: this.env.user,
				}, new Date() );
				this.leaving = true;
				this.env.navigate( this.env.editorUrl( title, texts.summary ) );
				// Stay pending until the editor replaces this page.
			} );
		} ).promise();
	}

	private onBeforeUnload( event: BeforeUnloadEvent ): void {
		this.autosave.flush();
		if ( this.leaving || !this.unsaved ) {
			return;
		}
		// The draft is kept, but if it cannot be or the form is open, ask first.
		if ( this.isOpened() || !this.storageWorks ) {
			event.preventDefault();
			event.returnValue = '';
		}
	}
}

let staticsSet = false;

/** The dialog; its title and actions are read from messages, which exist only once index.ts has set them. */
export function createRequestDialog( env: FormEnvironment ): RequestDialog {
	if ( !staticsSet ) {
		staticsSet = true;
		// An ES class inherits OOUI's `static` object; give it its own, as OO.inheritClass would.
		RequestDialog.static = Object.create( OO.ui.ProcessDialog.static );
		RequestDialog.static.name = 'helpdeskRequest';
		RequestDialog.static.title = msg( 'helpdesk-form-title' );
		RequestDialog.static.actions = [
			{ action: 'preview', label: msg( 'helpdesk-action-preview' ), flags: [ 'primary', 'progressive' ], modes: [ 'form' ], classes: [ 'helpdesk-action-preview' ] },
			{ action: 'save', label: msg( 'helpdesk-action-save' ), flags: [ 'primary', 'progressive' ], modes: [ 'preview' ], classes: [ 'helpdesk-action-save' ] },
			// In the preview, the header's safe action goes back; Escape closes the dialog (the draft stays).
			{ action: 'back', label: msg( 'helpdesk-action-back' ), flags: [ 'safe', 'back' ], modes: [ 'preview' ], classes: [ 'helpdesk-action-back' ] },
			{ action: 'cancel', label: msg( 'helpdesk-action-cancel' ), flags: [ 'safe', 'close' ], modes: [ 'form', 'preview' ], classes: [ 'helpdesk-action-cancel' ] },
			{ action: 'editor', label: msg( 'helpdesk-action-editor' ), modes: [ 'form', 'preview' ], classes: [ 'helpdesk-action-editor' ] },
		];
	}
	return new RequestDialog( env );
}
