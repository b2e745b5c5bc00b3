-- FAQ candidates for the Helpdesk staff: what the requests ask most often (kinds of
-- support, target projects, content types, recurring words by language), with the
-- requests behind each and the existing FAQ pages on it, so that the FAQ is written
-- from real needs. Rendered from the JSON page the Helpdesk bot keeps up to date.
--
--   {{#invoke:Helpdesk views/faq|faq}}
--
-- Arguments: faq= (the data page), faqi18n= (this view's messages), lang= (the
-- reader's language); the other arguments are those of Module:Helpdesk views,
-- whose helpers, messages (kinds of support) and reader's language this view uses.
-- Everything people typed (content types, words, titles) is data: shown escaped.
-- Messages: [[Module:Helpdesk views/faq/i18n.json]], from shared/pages/views-faq-i18n/
-- of the Helpdesk's code.

local views = require( 'Module:Helpdesk views' )

local p = {}

p.SCHEMA = 1

p.PAGES = {
	faq = 'Content Partnerships Hub/Helpdesk/FAQ candidates.json',
	faqi18n = 'Module:Helpdesk views/faq/i18n.json',
}

-- This view's messages before those of Module:Helpdesk views, language by language.
local function merged( own, main )
	local out = {}
	local codes = {}
	for _, set in ipairs( { own, main } ) do
		if type( set ) == 'table' then
			for code in pairs( set ) do
				codes[ code ] = true
			end
		end
	end
	for code in pairs( codes ) do
		local first = type( own ) == 'table' and type( own[ code ] ) == 'table' and own[ code ] or {}
		local second = type( main ) == 'table' and type( main[ code ] ) == 'table' and main[ code ] or {}
		out[ code ] = setmetatable( {}, { __index = function ( _, key )
			local text = first[ key ]
			if text == nil then
				text = second[ key ]
			end
			return text
		end } )
	end
	return out
end

-- The context of Module:Helpdesk views (language, messages, helpers), with this view's pages and messages.
function p.context( frame )
	local self = views.context( frame )
	for key, default in pairs( p.PAGES ) do
		local given = self.args[ key ]
		self.pages[ key ] = given and mw.text.trim( given ) ~= '' and mw.text.trim( given ) or default
	end
	local ok, messages = pcall( mw.loadJsonData, self.pages.faqi18n )
	self.messages = merged( ok and messages or {}, self.messages )
	return self
end

-- The label of a target project in the reader's language (Module:Helpdesk request's), or the code as text.
local function projectLabel( self, code )
	local c = views.str( code )
	local ok, label = pcall( function ()
		local request = require( 'Module:Helpdesk request' )
		local known = request.LABELS and request.LABELS.projects and request.LABELS.projects[ c ]
		if not known then
			return nil
		end
		return request.messages( self.frame, nil, self.code ):label( 'projects', c ) or known
	end )
	return ok and label or views.text( c )
end

local function supportLabel( self, code )
	local c = views.str( code )
	return self:raw( 'support-' .. c ) or views.text( c )
end

-- The name of a language in the reader's language, with its code.
local function languageName( self, code )
	local c = views.str( code )
	if c == '' or c == 'und' then
		return self:msg( 'faq-language-unknown' )
	end
	local ok, name = pcall( mw.language.fetchLanguageName, c, self.code )
	if not ok or type( name ) ~= 'string' or name == '' then
		name = c
	end
	return views.text( name ) .. ' (<code>' .. views.text( c ) .. '</code>)'
end

-- Links to the requests behind a line, and how many more there are.
local function requestLinks( self, entry )
	local links = {}
	for _, page in ipairs( views.list( entry.requests ) ) do
		links[ #links + 1 ] = views.pageLink( page, views.bdi( views.shortName( page ) ) )
	end
	local more = ( views.num( entry.count ) or 0 ) - #links
	if more > 0 then
		links[ #links + 1 ] = self:msg( 'faq-more', more )
	end
	return table.concat( links, ' · ' )
end

-- Links to the FAQ pages on a line, named without their common prefix.
local function faqLinks( self, entry, prefix )
	local links = {}
	for _, page in ipairs( views.list( entry.faq ) ) do
		local name = views.str( page )
		if prefix ~= '' and name:sub( 1, #prefix ) == prefix then
			name = name:sub( #prefix + 1 )
		end
		links[ #links + 1 ] = views.pageLink( page, views.bdi( name ) )
	end
	return #links > 0 and table.concat( links, ' · ' ) or '–'
end

-- A table of lines: what was asked (its label), how many requests, which, and FAQ pages.
local function entryTable( self, entries, label, heading, class, prefix )
	local rows = {}
	for _, entry in ipairs( views.records( entries ) ) do
		rows[ #rows + 1 ] = '<tr><td>' .. label( entry.key ) .. '</td><td>' .. self:number( views.num( entry.count ) or 0 ) ..
			'</td><td>' .. requestLinks( self, entry ) .. '</td><td>' .. faqLinks( self, entry, prefix ) .. '</td></tr>'
	end
	if #rows == 0 then
		return '<p class="helpdesk-faq-none">' .. self:msg( 'faq-none' ) .. '</p>'
	end
	return table.concat( {
		'<table class="wikitable helpdesk-faq ' .. class .. '" style="max-width:100%">',
		'<tr><th>' .. table.concat( { self:msg( heading ), self:msg( 'faq-col-count' ), self:msg( 'faq-col-requests' ),
			self:msg( 'faq-col-faq' ) }, '</th><th>' ) .. '</th></tr>',
		table.concat( rows, '\n' ),
		'</table>',
	}, '\n' )
end

local function notShown( self, n, key )
	n = views.num( n ) or 0
	if n <= 0 then
		return ''
	end
	return '\n<p class="helpdesk-faq-not-shown">' .. self:msg( key, n ) .. '</p>'
end

function p.render( self )
	local data, problem = self:load( self.pages.faq, p.SCHEMA )
	if not data then
		return self:wrap( problem, 'helpdesk-views-faq' )
	end
	local prefix = views.str( data.faqPrefix )
	local leftOut = type( data.leftOut ) == 'table' and data.leftOut or {}
	local limits = type( data.limits ) == 'table' and data.limits or {}
	local recurring = views.num( limits.recurring ) or 2
	local typed = function ( key ) return views.bdi( key ) end
	local out = {
		'<p class="helpdesk-views-intro">' .. self:msg( 'faq-intro', views.num( data.requests ) or 0, '[[:' .. self.pages.faq .. ']]' ) ..
			' ' .. self:msg( 'faq-left-out', views.num( leftOut.withdrawn ) or 0, views.num( leftOut.unreadable ) or 0 ) .. '</p>',
	}
	if views.target( prefix ) then
		out[ #out + 1 ] = '<p class="helpdesk-faq-pages">' .. self:msg( 'faq-pages', views.num( data.faqPages ) or 0,
			'[[Special:PrefixIndex/' .. views.target( prefix ) .. '|' .. views.bdi( prefix ) .. ']]' ) .. '</p>'
	end
	out[ #out + 1 ] = '== ' .. self:msg( 'faq-support' ) .. ' ==\n' ..
		entryTable( self, data.support, function ( key ) return supportLabel( self, key ) end, 'faq-col-asked', 'helpdesk-faq-support', prefix )
	out[ #out + 1 ] = '== ' .. self:msg( 'faq-projects' ) .. ' ==\n' ..
		entryTable( self, data.projects, function ( key ) return projectLabel( self, key ) end, 'faq-col-asked', 'helpdesk-faq-projects', prefix )
	out[ #out + 1 ] = '== ' .. self:msg( 'faq-content-types' ) .. ' ==\n' ..
		entryTable( self, data.contentTypes, typed, 'faq-col-asked', 'helpdesk-faq-content-types', prefix ) ..
		notShown( self, data.contentTypesNotShown, 'faq-not-shown' )
	out[ #out + 1 ] = '== ' .. self:msg( 'faq-words' ) .. ' ==\n<p>' .. self:msg( 'faq-words-about', recurring ) .. '</p>'
	local languages = views.records( data.languages )
	if #languages == 0 then
		out[ #out + 1 ] = '<p class="helpdesk-faq-none">' .. self:msg( 'faq-none' ) .. '</p>'
	end
	for _, language in ipairs( languages ) do
		local code = views.str( language.language )
		local heading = '=== ' .. self:msg( 'faq-language', languageName( self, code ), views.num( language.requests ) or 0 ) .. ' ==='
		local words = views.records( language.words )
		local body
		if #words == 0 then
			body = '<p class="helpdesk-faq-none">' .. self:msg( 'faq-no-words', recurring ) .. '</p>'
		else
			local lang = code:match( '^[a-z][a-z][a-z]?[a-z0-9%-]*$' ) and #code <= 20 and code or nil
			local word = function ( key )
				return lang and '<span lang="' .. lang .. '">' .. views.bdi( key ) .. '</span>' or views.bdi( key )
			end
			body = entryTable( self, words, word, 'faq-col-word', 'helpdesk-faq-words', prefix )
		end
		out[ #out + 1 ] = heading .. '\n' .. body .. notShown( self, language.wordsNotShown, 'faq-not-shown' )
	end
	out[ #out + 1 ] = notShown( self, data.languagesNotShown, 'faq-languages-not-shown' )
	return self:wrap( table.concat( out, '\n' ), 'helpdesk-views-faq' )
end

function p.faq( frame )
	return p.render( p.context( frame ) )
end

return p
