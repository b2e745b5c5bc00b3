/**
 * The verdict form on the requester's own closed request: five ratings as native
 * radio buttons in a radio group (arrow keys move between them), an optional
 * comment, and Send. Whatever happens, what was typed stays until it is saved.
 */
import { VERDICT_COMMENT_MAX, VERDICT_RATINGS } from '../../shared/verdict';
import { problemFor } from '../filing/problems';
import { html, msg } from '../form/text';
import type { PageApi, PageRevision } from './edit';
import { saveVerdict, VerdictOutcome } from './verdict';

/** The rating labels, each a message of its own (literal keys, so that the message checks find them). */
const RATING_LABELS = [
	'helpdesk-own-verdict-rating-1', 'helpdesk-own-verdict-rating-2', 'helpdesk-own-verdict-rating-3',
	'helpdesk-own-verdict-rating-4', 'helpdesk-own-verdict-rating-5',
];

/** A message of this module in `language` (English when it has none): for text written on the page itself. */
function messageIn( language: string, key: string ): string {
	const own = HELPDESK_OWN_MESSAGES[ language ] || {};
	return own[ key ] || HELPDESK_OWN_MESSAGES.en[ key ] || key;
}

function stars( rating: number ): string {
	return '★'.repeat( rating ) + '☆'.repeat( VERDICT_RATINGS.length - rating );
}

/** Show the form at the top of the page's content. */
export function showVerdictForm( pages: PageApi, base: PageRevision, user: string, requestLanguage: string ): void {
	const radios = VERDICT_RATINGS.map( ( rating ) => new OO.ui.RadioInputWidget( {
		name: 'helpdesk-verdict-rating',
		value: String( rating ),
		inputId: 'helpdesk-verdict-rating-' + rating,
	} ) );
	const group = $( '<div>' ).addClass( 'helpdesk-radio-group helpdesk-own-verdict-ratings' )
		.attr( { role: 'radiogroup', 'aria-labelledby': 'helpdesk-verdict-rating-label' } )
		.append( VERDICT_RATINGS.map( ( rating, index ) => $( '<div>' ).addClass( 'helpdesk-radio' ).append(
			radios[ index ].$element,
			$( '<label>' ).attr( 'for', 'helpdesk-verdict-rating-' + rating ).append(
				$( '<span>' ).attr( 'aria-hidden', 'true' ).addClass( 'helpdesk-own-verdict-stars' ).text( stars( rating ) ),
				' ',
				document.createTextNode( msg( RATING_LABELS[ index ] ) ),
			),
		) ) );
	const comment = new OO.ui.MultilineTextInputWidget( {
		rows: 3, autosize: true, maxRows: 8, maxLength: VERDICT_COMMENT_MAX, inputId: 'helpdesk-verdict-comment',
	} );
	const send = new OO.ui.ButtonWidget( {
		label: msg( 'helpdesk-own-verdict-send' ), flags: [ 'primary', 'progressive' ], classes: [ 'helpdesk-own-verdict-send' ],
	} );
	const problem = new OO.ui.MessageWidget( { type: 'error', classes: [ 'helpdesk-error', 'helpdesk-own-verdict-problem' ] } );
	problem.$element.attr( { role: 'alert', tabindex: '-1' } );
	problem.toggle( false );
	const $form = $( '<div>' ).addClass( 'helpdesk-own-verdict' ).attr( {
		role: 'region', 'aria-labelledby': 'helpdesk-verdict-legend',
		lang: String( mw.config.get( 'wgUserLanguage' ) || 'en' ), dir: $( 'html' ).attr( 'dir' ) || 'ltr',
	} ).css( { margin: '0.5em 0 1em', padding: '0.5em 1em', border: '1px solid var(--border-color-base, #a2a9b1)', borderRadius: '2px' } );
	$form.append(
		$( '<p>' ).attr( 'id', 'helpdesk-verdict-legend' ).css( 'font-weight', 'bold' ).text( msg( 'helpdesk-own-verdict-legend' ) ),
		$( '<p>' ).text( msg( 'helpdesk-own-verdict-intro' ) ),
		problem.$element,
		$( '<p>' ).attr( 'id', 'helpdesk-verdict-rating-label' ).text( msg( 'helpdesk-own-verdict-rating' ) ),
		group,
		new OO.ui.FieldLayout( comment, { label: msg( 'helpdesk-own-verdict-comment', VERDICT_COMMENT_MAX ), align: 'top' } ).$element,
		send.$element,
	);
	const say = ( $content: JQuery | string ): void => {
		problem.setLabel( $content );
		problem.toggle( true );
		problem.$element.trigger( 'focus' );
	};
	const done = ( key: string ): void => {
		const thanks = new OO.ui.MessageWidget( { type: 'success', label: msg( key ), classes: [ 'helpdesk-own-verdict-done' ] } );
		thanks.$element.attr( { role: 'status', tabindex: '-1' } );
		$form.empty().append( thanks.$element );
		thanks.$element.trigger( 'focus' );
	};
	const setBusy = ( busy: boolean ): void => {
		radios.forEach( ( radio ) => radio.setDisabled( busy ) );
		comment.setDisabled( busy );
		send.setDisabled( busy );
	};
	send.on( 'click', () => {
		const chosen = radios.filter( ( radio ) => radio.isSelected() )[ 0 ];
		if ( !chosen ) {
			say( msg( 'helpdesk-own-verdict-choose' ) );
			radios[ 0 ].focus();
			return;
		}
		const rating = Number( chosen.getValue() );
		setBusy( true );
		saveVerdict( pages, base, {
			rating: rating, comment: comment.getValue(), user: user,
			heading: messageIn( requestLanguage, 'helpdesk-own-verdict-section' ), summary: msg( 'helpdesk-own-verdict-summary', rating ),
		} ).then( ( outcome: VerdictOutcome ) => {
			if ( outcome.status === 'saved' || outcome.status === 'exists' ) {
				done( outcome.status === 'saved' ? 'helpdesk-own-verdict-saved' : 'helpdesk-own-verdict-exists' );
				return;
			}
			setBusy( false );
			if ( outcome.status === 'conflict' ) {
				say( msg( 'helpdesk-own-verdict-conflict' ) );
			} else {
				const found = problemFor( outcome.failure, { loginUrl: mw.util.getUrl( 'Special:UserLogin', { returnto: base.title } ) } );
				say( $( '<p>' ).html( html( found.messageKey, ...found.params ) ) );
			}
		} );
	} );
	const $anchor = $( '.helpdesk-own-edit' ).first();
	if ( $anchor.length ) {
		$anchor.after( $form );
	} else {
		$( '#mw-content-text' ).prepend( $form );
	}
}
