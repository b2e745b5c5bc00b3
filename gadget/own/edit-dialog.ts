/**
 * The form's fields in a dialog of their own, filled with a filed request; saving
 * writes only the request template back (edit.ts). On a conflict in the template
 * itself, nothing typed is lost: the dialog stays open with the fields as typed.
 */
import type { RequestFormFields } from '../../shared/request';
import { countryChoices } from '../filing/country-names';
import { fieldMessageText, fieldProblems, messagesByField } from '../filing/fields';
import { problemFor } from '../filing/problems';
import { FieldControl, requestControls } from '../form/field-controls';
import { html, msg } from '../form/text';
import { EditableRequest, editableRequest, PageApi, PageRevision, saveEdit } from './edit';

class EditDialog extends OO.ui.ProcessDialog {
	declare public $body: JQuery;

	declare private controls: FieldControl[];

	declare private problem: OO.ui.MessageWidget;

	public constructor( private readonly pages: PageApi, private readonly base: PageRevision, private readonly editable: EditableRequest ) {
		super( { size: 'large', classes: [ 'helpdesk-form', 'helpdesk-own-edit-dialog' ] } );
	}

	public override getBodyHeight(): number {
		return Math.max( 400, Math.round( window.innerHeight * 0.7 ) );
	}

	public override initialize(): this {
		super.initialize();
		const language = String( mw.config.get( 'wgUserLanguage' ) || 'en' );
		this.$element.attr( { dir: $( 'html' ).attr( 'dir' ) || 'ltr', lang: language } );
		this.controls = requestControls( countryChoices( [ language, 'en' ] ), this.$overlay );
		this.problem = new OO.ui.MessageWidget( { type: 'error', classes: [ 'helpdesk-error', 'helpdesk-own-edit-problem' ] } );
		this.problem.$element.attr( { role: 'alert', tabindex: '-1' } );
		this.problem.toggle( false );
		const panel = new OO.ui.PanelLayout( { padded: true, expanded: false } );
		const fieldset = new OO.ui.FieldsetLayout();
		fieldset.addItems( this.controls.map( ( control ) => control.layout ) );
		panel.$element.append( this.problem.$element, fieldset.$element );
		this.$body.append( panel.$element );
		this.controls.forEach( ( control ) => {
			control.write( this.editable.fields );
			control.onEnter( () => this.executeAction( 'save' ) );
		} );
		return this;
	}

	public override getReadyProcess( data?: Record<string, unknown> ): OO.ui.Process {
		return super.getReadyProcess( data ).next( () => {
			this.controls.forEach( ( control ) => control.refresh() );
			this.controls[ 0 ].focus();
		} );
	}

	public readFields(): RequestFormFields {
		const fields = JSON.parse( JSON.stringify( this.editable.fields ) ) as RequestFormFields;
		this.controls.forEach( ( control ) => control.read( fields ) );
		return fields;
	}

	private showProblem( $content: JQuery | string ): void {
		this.problem.setLabel( typeof $content === 'string' ? $content : $content );
		this.problem.toggle( true );
		this.problem.$element.trigger( 'focus' );
	}

	public override getActionProcess( action?: string ): OO.ui.Process {
		if ( action === 'save' ) {
			return new OO.ui.Process( () => this.save() );
		}
		if ( action === 'cancel' ) {
			return new OO.ui.Process( () => {
				this.close( { action: action } );
			} );
		}
		return super.getActionProcess( action );
	}

	private save(): JQuery.Promise<void> | void {
		const fields = this.readFields();
		const byField = messagesByField( fieldProblems( fields ) );
		let first: FieldControl | null = null;
		this.controls.forEach( ( control ) => {
			const messages = byField.get( control.name ) || [];
			control.showProblems( messages.map( ( message ) => fieldMessageText( message, msg ) ) );
			first = first || ( messages.length ? control : null );
		} );
		if ( first ) {
			this.showProblem( msg( 'helpdesk-own-edit-problems', byField.size ) );
			( first as FieldControl ).focus();
			return;
		}
		return $.Deferred<void>( ( deferred ) => {
			saveEdit( this.pages, this.base, this.editable, fields, msg( 'helpdesk-own-edit-summary', fields.title.trim() ) ).then( ( outcome ) => {
				deferred.resolve();
				if ( outcome.status === 'saved' || outcome.status === 'unchanged' ) {
					this.close( { action: 'save' } );
					if ( outcome.status === 'saved' ) {
						mw.notify( msg( 'helpdesk-own-edit-saved' ), { type: 'success' } );
						location.href = mw.util.getUrl( this.base.title );
					} else {
						mw.notify( msg( 'helpdesk-own-edit-unchanged' ) );
					}
				} else if ( outcome.status === 'conflict' ) {
					this.showProblem( msg( 'helpdesk-own-edit-conflict' ) );
				} else {
					const problem = problemFor( outcome.failure, { loginUrl: mw.util.getUrl( 'Special:UserLogin', { returnto: this.base.title } ) } );
					this.showProblem( $( '<p>' ).html( html( problem.messageKey, ...problem.params ) ) );
				}
			} );
		} ).promise();
	}
}

let windowManager: OO.ui.WindowManager | null = null;
let staticsSet = false;

/** Open the form on the request of `base`, or say why it cannot be edited with the form. */
export function openEditDialog( pages: PageApi, base: PageRevision ): void {
	const editable = editableRequest( base.text );
	if ( !editable ) {
		mw.notify( msg( 'helpdesk-own-edit-unreadable' ), { type: 'error' } );
		return;
	}
	if ( !staticsSet ) {
		staticsSet = true;
		EditDialog.static = Object.create( OO.ui.ProcessDialog.static );
		EditDialog.static.name = 'helpdeskOwnEdit';
		EditDialog.static.title = msg( 'helpdesk-own-edit-title' );
		EditDialog.static.actions = [
			{ action: 'save', label: msg( 'helpdesk-own-edit-save' ), flags: [ 'primary', 'progressive' ], classes: [ 'helpdesk-own-edit-save' ] },
			{ action: 'cancel', label: msg( 'helpdesk-action-cancel' ), flags: [ 'safe', 'close' ] },
		];
	}
	if ( !windowManager ) {
		windowManager = new OO.ui.WindowManager();
		$( document.body ).append( windowManager.$element );
	}
	const dialog = new EditDialog( pages, base, editable );
	windowManager.addWindows( [ dialog ] );
	windowManager.openWindow( dialog );
}
