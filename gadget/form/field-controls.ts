/**
 * One OOUI widget per field of the request, with its label, help and error area,
 * and the glue between the widget and RequestFormFields. Widgets get stable hooks:
 * the class `helpdesk-field-<field>` and, for text inputs, the id
 * `helpdesk-input-<field>`.
 */
import { PARTNERSHIP_STAGES, RequestFormFields, SUPPORT_KINDS, TARGET_PROJECTS } from '../../shared/request';
import { CountryChoice, countryFromText, countryMatches, countryText } from '../filing/country-names';
import { FieldName, fieldKey, linesToList, listToLines, requiredFields } from '../filing/fields';
import { msg } from './text';

export interface FieldControl {
	name: FieldName;
	layout: OO.ui.FieldLayout;
	/** Put the widget's value into `fields`. */
	read( fields: RequestFormFields ): void;
	/** Show `fields`' value in the widget. */
	write( fields: RequestFormFields ): void;
	focus(): void;
	/** Show these problems next to the field (none: clear). */
	showProblems( texts: string[] ): void;
	hasProblems(): boolean;
	/** Called on every change the user makes. */
	onChange( callback: () => void ): void;
	/** Enter in a one-line field. */
	onEnter( callback: () => void ): void;
	setDisabled( disabled: boolean ): void;
	/** Fit the widget to its content again (after being hidden, autosized text areas are off). */
	refresh(): void;
	/** Mark the field required or not (the affiliate is not, for an individual volunteer). */
	setRequired( required: boolean ): void;
}

interface ControlParts {
	name: FieldName;
	widget: OO.ui.Widget;
	/** The element that names and describes the field to assistive technology. */
	$described: JQuery;
	/**
	 * Whether that element's role takes aria-required and aria-invalid (inputs and
	 * radio groups do; a group of checkboxes does not, its label says "required").
	 */
	takesValidity?: boolean;
	read: ( fields: RequestFormFields ) => void;
	write: ( fields: RequestFormFields ) => void;
	required: boolean;
	/** Labelled inline after the widget (a single checkbox). */
	inline?: boolean;
	/** Enter submits (one-line text; not the country, where Enter picks from the list). */
	submitOnEnter?: boolean;
}

/** What OOUI's text inputs have for marking themselves invalid. */
interface ValidatedWidget {
	setValidityFlag( valid?: boolean ): void;
}

function isValidated( widget: OO.ui.Widget ): widget is OO.ui.Widget & ValidatedWidget {
	return typeof ( widget as unknown as Partial<ValidatedWidget> ).setValidityFlag === 'function';
}

function label( name: FieldName, required: boolean ): string {
	const text = msg( 'helpdesk-field-' + fieldKey( name ) + '-label' );
	return required ? msg( 'helpdesk-required-label', text ) : text;
}

function control( parts: ControlParts ): FieldControl {
	const key = fieldKey( parts.name );
	const widget = parts.widget;
	widget.$element.addClass( 'helpdesk-field-' + parts.name );
	const layout = new OO.ui.FieldLayout( widget, {
		label: label( parts.name, parts.required ),
		align: parts.inline ? 'inline' : 'top',
		help: msg( 'helpdesk-field-' + key + '-help' ),
		helpInline: true,
		classes: [ 'helpdesk-fieldLayout' ],
	} );
	const errorId = 'helpdesk-error-' + parts.name;
	const $errors = $( '<div>' )
		.addClass( 'helpdesk-error helpdesk-field-error' )
		.attr( { id: errorId, 'aria-live': 'polite' } );
	const $described = parts.$described;
	// The help describes the field; errors are added to the description when shown.
	const $help = ( layout as unknown as { $help: JQuery } ).$help;
	// OOUI makes inline help a second <label> of the input, which would make it part
	// of the field's name; it is its description.
	$help.removeAttr( 'for' );
	const helpId = $help.attr( 'id' );
	const helpIds = helpId ? [ helpId ] : [];
	if ( helpId ) {
		$described.attr( 'aria-describedby', helpId );
	}
	const takesValidity = parts.takesValidity !== false;
	if ( parts.required && takesValidity ) {
		$described.attr( 'aria-required', 'true' );
	}
	let shown: string[] = [];
	const changeCallbacks: ( () => void )[] = [];
	const enterCallbacks: ( () => void )[] = [];
	widget.on( 'change', () => changeCallbacks.forEach( ( callback ) => callback() ) );
	if ( parts.submitOnEnter ) {
		widget.on( 'enter', () => enterCallbacks.forEach( ( callback ) => callback() ) );
	}
	if ( isValidated( widget ) ) {
		// OOUI sets a text input's validity itself on focus and blur, some of it later
		// (asynchronously); let it always show the form's own verdict, so aria-invalid
		// and the red border never contradict the error shown under the field.
		const setValidityFlag = widget.setValidityFlag.bind( widget );
		widget.setValidityFlag = () => {
			setValidityFlag( shown.length === 0 );
		};
	}
	return {
		name: parts.name,
		layout: layout,
		read: parts.read,
		write: parts.write,
		focus: () => {
			( widget as unknown as { focus(): void } ).focus();
		},
		showProblems: ( texts ) => {
			if ( texts.join( '\n' ) === shown.join( '\n' ) ) {
				return;
			}
			shown = texts.slice();
			$errors.empty();
			texts.forEach( ( text ) => {
				$errors.append( $( '<div>' ).text( text ) );
			} );
			if ( isValidated( widget ) ) {
				widget.setValidityFlag();
			}
			if ( texts.length ) {
				layout.$element.addClass( 'helpdesk-invalid' ).append( $errors );
				$described.attr( 'aria-describedby', helpIds.concat( errorId ).join( ' ' ) );
				if ( takesValidity ) {
					$described.attr( 'aria-invalid', 'true' );
				}
			} else {
				layout.$element.removeClass( 'helpdesk-invalid' );
				$errors.detach();
				$described.removeAttr( 'aria-invalid' );
				if ( helpIds.length ) {
					$described.attr( 'aria-describedby', helpIds.join( ' ' ) );
				} else {
					$described.removeAttr( 'aria-describedby' );
				}
			}
		},
		hasProblems: () => shown.length > 0,
		onChange: ( callback ) => {
			changeCallbacks.push( callback );
		},
		onEnter: ( callback ) => {
			enterCallbacks.push( callback );
		},
		setDisabled: ( disabled ) => {
			widget.setDisabled( disabled );
		},
		setRequired: ( required ) => {
			layout.setLabel( label( parts.name, required ) );
			if ( takesValidity ) {
				if ( required ) {
					$described.attr( 'aria-required', 'true' );
				} else {
					$described.removeAttr( 'aria-required' );
				}
			}
		},
		refresh: () => {
			const autosized = widget as unknown as { adjustSize?: ( force: boolean ) => void; getValue(): unknown };
			// An empty text area has its rows already; measuring it costs a layout of the form.
			if ( typeof autosized.adjustSize === 'function' && autosized.getValue() !== '' ) {
				autosized.adjustSize( true );
			}
		},
	};
}

type TextField = 'title' | 'affiliate' | 'contentType' | 'volume' | 'timeline' | 'description';
type ListField = 'partners' | 'languages' | 'links';

function placeholder( name: FieldName ): string | undefined {
	const key = 'helpdesk-field-' + fieldKey( name ) + '-placeholder';
	return mw.messages.exists( key ) ? msg( key ) : undefined;
}

export function textControl( name: TextField, required: boolean, multiline = false ): FieldControl {
	const config = { inputId: 'helpdesk-input-' + name, placeholder: placeholder( name ), spellcheck: true };
	// No maxlength: text pasted over a limit would be cut off and lost; validation says so instead.
	const widget = multiline ?
		new OO.ui.MultilineTextInputWidget( Object.assign( config, { rows: 8, autosize: true, maxRows: 24 } ) ) :
		new OO.ui.TextInputWidget( config );
	// Requests come in any language and script, whatever the interface's direction.
	widget.$input.attr( 'dir', 'auto' );
	return control( {
		name: name,
		widget: widget,
		$described: widget.$input,
		read: ( fields ) => {
			fields[ name ] = widget.getValue();
		},
		write: ( fields ) => {
			widget.setValue( fields[ name ] );
		},
		required: required,
		submitOnEnter: !multiline,
	} );
}

/** A list field: one entry per line, which works the same with a keyboard, a screen reader and a phone. */
export function listControl( name: ListField, required: boolean ): FieldControl {
	const widget = new OO.ui.MultilineTextInputWidget( {
		inputId: 'helpdesk-input-' + name,
		placeholder: placeholder( name ),
		rows: 3,
		autosize: true,
		maxRows: 12,
	} );
	widget.$input.attr( 'dir', name === 'links' ? 'ltr' : 'auto' );
	return control( {
		name: name,
		widget: widget,
		$described: widget.$input,
		read: ( fields ) => {
			fields[ name ] = linesToList( widget.getValue() );
		},
		write: ( fields ) => {
			widget.setValue( listToLines( fields[ name ] ) );
		},
		required: required,
	} );
}

export function individualControl(): FieldControl {
	const widget = new OO.ui.CheckboxInputWidget( { inputId: 'helpdesk-input-individual' } );
	return control( {
		name: 'individual',
		widget: widget,
		$described: widget.$input,
		read: ( fields ) => {
			fields.individual = widget.isSelected();
		},
		write: ( fields ) => {
			widget.setSelected( fields.individual );
		},
		required: false,
		inline: true,
	} );
}

/** How many countries the list shows for what was typed: the best matches. */
const COUNTRY_MATCHES_SHOWN = 10;

/**
 * The country: a text field with a list of the countries that match what was
 * typed, best first (see countryMatches). Nothing is highlighted until the user
 * moves into the list, so Enter takes exactly the highlighted country or keeps
 * what was typed. The whole list is built only when asked for with the field
 * empty (its button), not with the form.
 */
export function countryControl( choices: readonly CountryChoice[], $overlay: JQuery, required: boolean ): FieldControl {
	const widget = new OO.ui.ComboBoxInputWidget( {
		inputId: 'helpdesk-input-country',
		placeholder: placeholder( 'country' ),
		options: [],
		menu: { filterFromInput: false },
		$overlay: $overlay,
		autocomplete: false,
	} );
	widget.$input.attr( 'dir', 'auto' );
	let listed: string | null = null;
	// OOUI selects the option equal to the text (typed "Mali", it selects Mali), and
	// ↓ would then move past it: nothing is chosen until the user moves into the list.
	const list = ( text: string ): void => {
		if ( text !== listed ) {
			listed = text;
			const matches = text.trim() === '' ?
				choices.map( ( choice ) => ( { choice: choice, label: choice.name } ) ) :
				countryMatches( text, choices, COUNTRY_MATCHES_SHOWN );
			widget.setOptions( matches.map( ( match ) => ( { data: match.choice.name, label: match.label } ) ) );
		}
		widget.getMenu().selectItem();
	};
	// On the input itself, before OOUI's own (later) change event, so that a key
	// pressed right after typing moves in the list for what was typed.
	widget.$input.on( 'input', () => list( String( widget.$input.val() ) ) );
	// After OOUI's own handler of the same event; the list is built once it is wanted.
	widget.on( 'change', ( value: string ) => listed !== null && list( value ) );
	widget.getMenu().on( 'toggle', ( visible: boolean ) => visible && list( widget.getValue() ) );
	return control( {
		name: 'country',
		widget: widget,
		$described: widget.$input,
		read: ( fields ) => {
			fields.country = countryFromText( widget.getValue(), choices );
		},
		write: ( fields ) => {
			widget.setValue( countryText( fields.country, choices ) );
		},
		required: required,
	} );
}

function groupControl<T extends string>(
	name: 'support' | 'projects',
	codes: readonly T[],
	messagePrefix: string,
	required: boolean,
): FieldControl {
	const widget = new OO.ui.CheckboxMultiselectInputWidget( {
		options: codes.map( ( code ) => ( { data: code, label: msg( messagePrefix + code ) } ) ),
	} );
	widget.$element.attr( 'role', 'group' );
	return control( {
		name: name,
		widget: widget,
		$described: widget.$element,
		takesValidity: false,
		read: ( fields ) => {
			const chosen = widget.getValue() as unknown as string[];
			( fields[ name ] as string[] ) = codes.filter( ( code ) => chosen.includes( code ) );
		},
		write: ( fields ) => {
			// OOUI's multiselect takes an array, though its type declarations say string.
			widget.setValue( fields[ name ] as unknown as string );
		},
		required: required,
	} );
}

export function supportControl( required: boolean ): FieldControl {
	return groupControl( 'support', SUPPORT_KINDS, 'helpdesk-support-', required );
}

export function projectsControl( required: boolean ): FieldControl {
	return groupControl( 'projects', TARGET_PROJECTS, 'helpdesk-project-', required );
}

/**
 * The stage: native radio buttons, each with its own label, in a radio group.
 * (OOUI's RadioSelectWidget nests its radios inside role="radio" options, which
 * assistive technology reports as nested controls.)
 */
export function stageControl( required: boolean ): FieldControl {
	const stages = [ '' ].concat( PARTNERSHIP_STAGES );
	const radios = stages.map( ( stage ) => new OO.ui.RadioInputWidget( {
		name: 'helpdesk-stage',
		value: stage,
		inputId: 'helpdesk-input-stage-' + ( stage || 'none' ),
		selected: stage === '',
	} ) );
	const widget = new OO.ui.Widget( { classes: [ 'helpdesk-radio-group' ] } );
	widget.$element.attr( 'role', 'radiogroup' ).append( stages.map( ( stage, index ) => $( '<div>' )
		.addClass( 'helpdesk-radio' )
		.append(
			radios[ index ].$element,
			$( '<label>' ).attr( 'for', 'helpdesk-input-stage-' + ( stage || 'none' ) ).text( msg( 'helpdesk-stage-' + ( stage || 'none' ) ) ),
		) ) );
	widget.$element.on( 'change', 'input', () => {
		widget.emit( 'change' );
	} );
	const selected = (): OO.ui.RadioInputWidget => radios.filter( ( radio ) => radio.isSelected() )[ 0 ] || radios[ 0 ];
	// The group itself is not focusable: focusing the field focuses the chosen radio.
	( widget as unknown as { focus: () => void } ).focus = () => {
		selected().focus();
	};
	const setDisabled = widget.setDisabled.bind( widget );
	widget.setDisabled = ( disabled: boolean ) => {
		radios.forEach( ( radio ) => radio.setDisabled( disabled ) );
		return setDisabled( disabled );
	};
	return control( {
		name: 'stage',
		widget: widget,
		$described: widget.$element,
		read: ( fields ) => {
			const value = selected().getValue();
			const stage = PARTNERSHIP_STAGES.find( ( candidate ) => candidate === value );
			fields.stage = stage || '';
		},
		write: ( fields ) => {
			radios.forEach( ( radio ) => radio.setSelected( radio.getValue() === fields.stage ) );
		},
		required: required,
	} );
}

/**
 * The controls of every field the requester fills in, in the form's order, each
 * marked required as `requiredFields()` says: the request form and "Edit my request" both show these.
 */
export function requestControls( choices: readonly CountryChoice[], $overlay: JQuery ): FieldControl[] {
	const required = requiredFields();
	const is = ( name: FieldName ): boolean => required.includes( name );
	return [
		textControl( 'title', is( 'title' ) ),
		supportControl( is( 'support' ) ),
		textControl( 'description', is( 'description' ), true ),
		textControl( 'affiliate', is( 'affiliate' ) ),
		individualControl(),
		countryControl( choices, $overlay, is( 'country' ) ),
		listControl( 'partners', is( 'partners' ) ),
		stageControl( is( 'stage' ) ),
		textControl( 'contentType', is( 'contentType' ) ),
		textControl( 'volume', is( 'volume' ) ),
		projectsControl( is( 'projects' ) ),
		listControl( 'languages', is( 'languages' ) ),
		textControl( 'timeline', is( 'timeline' ) ),
		listControl( 'links', is( 'links' ) ),
	];
}
