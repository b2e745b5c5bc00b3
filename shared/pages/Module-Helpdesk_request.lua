-- Readable labels for the codes on a Helpdesk request page (kinds of support,
-- stage of the partnership, target projects, working group), for
-- [[Template:Helpdesk request]]. Wikitext alone cannot split the comma-separated
-- code lists that the request form writes, hence this module.
--
-- The codes are those of the request form and the Helpdesk bot; a code added
-- there needs a label here. The labels are the form's English ones, so that a
-- request reads as it was filed.
--
--   {{#invoke:Helpdesk request|labels|support|mass-upload, copyright}}
--     → Mass upload of media files, Copyright and licensing
--   {{#invoke:Helpdesk request|labels|stage|content-ready}}
--     → Content ready
--   {{#invoke:Helpdesk request|labels|working_group|project planning}}
--     → Project planning and feedback
--   {{#invoke:Helpdesk request|lines|{{{description}}}}}
--     → the text with its line breaks kept
--   {{#invoke:Helpdesk request|links|{{{links}}}}}
--     → the list of links: each well-formed http(s) URL an external link, the
--       rest as text

local p = {}

p.LABELS = {
	support = {
		['mass-upload'] = 'Mass upload of media files',
		['data-upload'] = 'Data upload and Wikidata',
		['copyright'] = 'Copyright and licensing',
		['training-material'] = 'Presentation and training material',
		['content-examples'] = 'Examples for a type of content',
		['finding-people'] = 'Finding the right people',
		['technical'] = 'Technical help',
		['other'] = 'Something else',
	},
	stage = {
		['idea'] = 'An idea',
		['first-contact'] = 'First contact with the partner',
		['agreement'] = 'Agreement in place',
		['content-ready'] = 'Content ready',
		['upload-under-way'] = 'Upload under way',
	},
	projects = {
		['commons'] = 'Wikimedia Commons',
		['wikidata'] = 'Wikidata',
		['wikipedia'] = 'Wikipedia',
		['wikisource'] = 'Wikisource',
		['wiktionary'] = 'Wiktionary',
		['wikibooks'] = 'Wikibooks',
		['wikiquote'] = 'Wikiquote',
		['wikiversity'] = 'Wikiversity',
		['wikivoyage'] = 'Wikivoyage',
		['wikinews'] = 'Wikinews',
		['wikispecies'] = 'Wikispecies',
		['other'] = 'Another project',
	},
	working_group = {
		['communication'] = 'Communication',
		['project-planning'] = 'Project planning and feedback',
		['implementation'] = 'Implementation',
		['evaluation'] = 'Evaluation and research',
		['content-use'] = 'Use of the content',
		['supporting-material'] = 'Creation of supporting material',
	},
}

local function trim( text )
	return ( text:gsub( '^%s+', '' ):gsub( '%s+$', '' ) )
end

-- The code typed as `Mass upload`, `mass_upload` or `MASS-UPLOAD` is `mass-upload`,
-- as the request form and the bot read it.
local function codeKey( text )
	return ( trim( text ):lower():gsub( '[%s_]+', '-' ) )
end

-- Working groups are also recognised by the start of their name
-- (`project planning and feedback`), as the bot does.
local function workingGroupKey( text )
	local key = ( trim( text ):lower():gsub( '[%s_%-]+', ' ' ) )
	for code in pairs( p.LABELS.working_group ) do
		local codeWords = code:gsub( '%-', ' ' )
		if key == codeWords or key:sub( 1, #codeWords + 1 ) == codeWords .. ' ' then
			return code
		end
	end
	return codeKey( text )
end

-- What someone wrote that is not a known code is shown as written, marked.
local function unknown( typed )
	return '<span class="helpdesk-unknown-code" title="Not a code the Helpdesk knows">'
		.. mw.text.nowiki( typed ) .. ' (?)</span>'
end

-- Labels of the codes in `text`, in the order written, each once.
function p.render( set, text )
	local labels = p.LABELS[ set ]
	if not labels then
		error( 'Unknown set of codes: ' .. tostring( set ) )
	end
	local shown, seen = {}, {}
	-- Character references first, as the bot reads them: their `;` separates nothing.
	for typed in mw.text.decode( text or '' ):gmatch( '[^,;\n%*]+' ) do
		if trim( typed ) ~= '' then
			local code = set == 'working_group' and workingGroupKey( typed ) or codeKey( typed )
			if not seen[ code ] then
				seen[ code ] = true
				table.insert( shown, labels[ code ] or unknown( trim( typed ) ) )
			end
		end
	end
	return table.concat( shown, ', ' )
end

function p.labels( frame )
	return p.render( trim( frame.args[ 1 ] or '' ), frame.args[ 2 ] )
end

-- Free text as the requester typed it: each line break shows as one, a blank line
-- starts a new paragraph (wikitext would join the lines of a paragraph).
function p.lines( frame )
	local paragraphs = {}
	for paragraph in ( trim( frame.args[ 1 ] or '' ) .. '\n\n' ):gmatch( '(.-)\n[ \t]*\n%s*' ) do
		table.insert( paragraphs, ( paragraph:gsub( '\n', '<br />' ) ) )
	end
	return table.concat( paragraphs, '\n\n' )
end

-- Links --------------------------------------------------------------------
--
-- The request form stores each link as text, its special characters as
-- character references (`https&#58;//…`), so that nothing typed can become
-- structure. Here each entry is decoded, and only a well-formed http(s) URL is
-- written back as an external link, `[URL label]`, with every character that
-- could mean something else to the parser escaped again; anything else is
-- shown as the text it is.

local NAMED = { amp = '&', lt = '<', gt = '>', quot = '"', apos = "'", nbsp = '\194\160' }

local function utf8Char( code )
	if code < 0x80 then
		return string.char( code )
	elseif code < 0x800 then
		return string.char( 0xC0 + math.floor( code / 0x40 ), 0x80 + code % 0x40 )
	elseif code < 0x10000 then
		return string.char( 0xE0 + math.floor( code / 0x1000 ), 0x80 + math.floor( code / 0x40 ) % 0x40, 0x80 + code % 0x40 )
	end
	return string.char( 0xF0 + math.floor( code / 0x40000 ), 0x80 + math.floor( code / 0x1000 ) % 0x40,
		0x80 + math.floor( code / 0x40 ) % 0x40, 0x80 + code % 0x40 )
end

local function decodedCode( code, whole )
	if not code or code > 0x10FFFF or ( code >= 0xD800 and code <= 0xDFFF ) then
		return whole
	end
	return utf8Char( code )
end

-- Character references to characters, as the codec reads them (shared/title-text.ts):
-- `&#NN;`, `&#xHH;` and a few named ones; others stay as written.
function p.decodeReferences( text )
	return ( text:gsub( '&(#?[xX]?)(%w+);', function ( kind, body )
		local whole = '&' .. kind .. body .. ';'
		if kind == '#' then
			return body:match( '^%d+$' ) and decodedCode( tonumber( body ), whole ) or whole
		elseif kind == '#x' or kind == '#X' then
			return body:match( '^%x+$' ) and decodedCode( tonumber( body, 16 ), whole ) or whole
		elseif kind == '' then
			return NAMED[ body ] or whole
		end
		return whole
	end ) )
end

-- Characters that could be markup anywhere in a line, as references.
local TEXT_SPECIAL = '[&<>%[%]{}|\'"=~_:*#;!%z\1-\31\127]'

-- Any text as text: nothing in it is markup.
function p.escapeText( text )
	local escaped = text:gsub( TEXT_SPECIAL, function ( ch )
		return '&#' .. ch:byte() .. ';'
	end )
	-- `ISBN 123`, `RFC 123`, `PMID 123` link themselves: break the word.
	escaped = escaped:gsub( '%a+', function ( word )
		local upper = word:upper()
		for _, magic in ipairs( { 'ISBN', 'RFC', 'PMID' } ) do
			if upper == magic then
				return word:sub( 1, -2 ) .. '&#' .. word:byte( -1 ) .. ';'
			end
		end
		return word
	end )
	return escaped
end

-- Bytes of characters a URL must not hold: spaces and controls (ASCII and
-- Unicode), quotes, brackets and what else ends or changes an external link.
local URL_FORBIDDEN_ASCII = '[%z\1-\32\127%[%]<>"\'{}|\\%^`]'
local URL_FORBIDDEN_UTF8 = {
	'\194[\128-\160]', -- C1 controls, no-break space
	'\225\154\128', -- ogham space
	'\226\128[\128-\143]', -- en quad … right-to-left mark
	'\226\128[\168-\175]', -- line and paragraph separators, bidi embeddings, narrow no-break space
	'\226\129[\159-\175]', -- medium mathematical space, word joiner, bidi isolates …
	'\227\128\128', -- ideographic space
	'\239\187\191', -- byte order mark
	'\239\191[\185-\191]', -- interlinear annotation, replacement character
}

-- Whether `url` is a well-formed http(s) URL that the parser takes whole as a link.
function p.isWebUrl( url )
	local host = url:match( '^[Hh][Tt][Tt][Pp][Ss]?://([^/?#]+)' )
	if not host or url:find( URL_FORBIDDEN_ASCII ) then
		return false
	end
	for _, pattern in ipairs( URL_FORBIDDEN_UTF8 ) do
		if url:find( pattern ) then
			return false
		end
	end
	-- A host name (letters of any script, digits, dots, hyphens) and maybe a port; no user names.
	local name = host:match( '^([%w%.%-\128-\255]+):%d+$' ) or host:match( '^[%w%.%-\128-\255]+$' )
	return name ~= nil and name:find( '[%w\128-\255]' ) ~= nil
end

-- One entry of the list, decoded: an external link when it is a web URL (or
-- `[URL label]` written by hand), otherwise the text.
function p.linkEntry( text )
	local entry = trim( p.decodeReferences( text ) )
	local url, label = entry, entry
	local bracketed, named = entry:match( '^%[(%S+)%s*(.-)%]$' )
	if bracketed and p.isWebUrl( bracketed ) then
		url, label = bracketed, ( named ~= '' and named or bracketed )
	end
	if not p.isWebUrl( url ) then
		return p.escapeText( entry )
	end
	-- The parser decodes references in a URL: `&amp;` stays `&`, `&#95;` keeps `__` from being a switch.
	local href = url:gsub( '[&_~]', function ( ch )
		return '&#' .. ch:byte() .. ';'
	end )
	return '[' .. href .. ' ' .. p.escapeText( label ) .. ']'
end

-- The entries of a list as the codec reads them: the lines starting with `*`
-- when there are any, otherwise every line that is not blank.
function p.listEntries( text )
	local lines, bulleted = {}, {}
	for line in ( text .. '\n' ):gmatch( '(.-)\n' ) do
		table.insert( lines, line )
		if line:sub( 1, 1 ) == '*' then
			table.insert( bulleted, ( line:gsub( '^%*+ ?', '' ) ) )
		end
	end
	if #bulleted > 0 then
		return bulleted
	end
	local entries = {}
	for _, line in ipairs( lines ) do
		if trim( line ) ~= '' then
			table.insert( entries, line )
		end
	end
	return entries
end

-- A value as the text it stands for (for a URL: the move link's target title).
function p.decoded( frame )
	return trim( p.decodeReferences( frame.args[ 1 ] or '' ) )
end

function p.renderLinks( text )
	local items = {}
	for _, entry in ipairs( p.listEntries( text or '' ) ) do
		if trim( entry ) ~= '' then
			table.insert( items, '* ' .. p.linkEntry( entry ) )
		end
	end
	return table.concat( items, '\n' )
end

function p.links( frame )
	local text = frame.args[ 1 ] or ''
	-- Hand-written <nowiki> reaches a module as a strip marker.
	if mw and mw.text and mw.text.unstripNoWiki then
		text = mw.text.unstripNoWiki( text )
	end
	return p.renderLinks( text )
end

return p
