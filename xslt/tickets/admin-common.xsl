<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the administration views of the service catalogue share (included,
  not imported, by each admin-*.xsl after it imports ../layout.xsl):

    page mode="head"  the area stylesheets
    tka-tabs          the four parts: services, categories, groups, priorities
    tka-name          a name kept per language, in the page's (else English)
    tka-input         a labelled text input or textarea with its errors
    tka-select        a labelled select over option nodes or a word list
    tka-check         one labelled checkbox
    tka-checks        a fieldset of checkboxes over a word list
    tka-errors        a field's messages, with what PCRE2 said or the line
    tka-move          the buttons that move a row up or down
    tka-active        the active / inactive badge
  Values come from /page/form/field[@name], messages from /page/messages.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:variable name="tka-lang" select="string(/page/@lang)"/>

  <xsl:template match="page" mode="head">
    <link rel="stylesheet" href="/static/css/admin.css"/>
    <link rel="stylesheet" href="/static/css/tickets.css"/>
    <link rel="stylesheet" href="/static/css/tickets-admin.css"/>
  </xsl:template>

  <!-- The parts of the catalogue's administration; current names the one shown. -->
  <xsl:template name="tka-tabs">
    <xsl:param name="current"/>
    <nav class="tk-tabs tka-tabs" aria-label="{pt:t('tickets.admin.tabs')}">
      <ul>
        <xsl:call-template name="tka-tab">
          <xsl:with-param name="href" select="'/tickets/admin/'"/>
          <xsl:with-param name="key" select="'tickets.admin.tab.services'"/>
          <xsl:with-param name="on" select="$current = 'services'"/>
        </xsl:call-template>
        <xsl:call-template name="tka-tab">
          <xsl:with-param name="href" select="'/tickets/admin/categories'"/>
          <xsl:with-param name="key" select="'tickets.admin.tab.categories'"/>
          <xsl:with-param name="on" select="$current = 'categories'"/>
        </xsl:call-template>
        <xsl:call-template name="tka-tab">
          <xsl:with-param name="href" select="'/tickets/admin/groups'"/>
          <xsl:with-param name="key" select="'tickets.admin.tab.groups'"/>
          <xsl:with-param name="on" select="$current = 'groups'"/>
        </xsl:call-template>
        <xsl:call-template name="tka-tab">
          <xsl:with-param name="href" select="'/tickets/admin/priorities'"/>
          <xsl:with-param name="key" select="'tickets.admin.tab.priorities'"/>
          <xsl:with-param name="on" select="$current = 'priorities'"/>
        </xsl:call-template>
      </ul>
    </nav>
  </xsl:template>

  <xsl:template name="tka-tab">
    <xsl:param name="href"/>
    <xsl:param name="key"/>
    <xsl:param name="on"/>
    <li>
      <a href="{$href}">
        <xsl:if test="$on"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
        <xsl:value-of select="pt:t($key)"/>
      </a>
    </li>
  </xsl:template>

  <!-- The name in the page's language, else the English one, else $fallback. -->
  <xsl:template name="tka-name">
    <xsl:param name="names"/>
    <xsl:param name="fallback" select="''"/>
    <xsl:choose>
      <xsl:when test="string($names[@lang = $tka-lang]) != ''"><xsl:value-of select="$names[@lang = $tka-lang]"/></xsl:when>
      <xsl:when test="string($names[@lang = 'en']) != ''"><xsl:value-of select="$names[@lang = 'en']"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$fallback"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- class="field", with has-error when the field has an error. -->
  <xsl:template name="tka-field-class">
    <xsl:param name="name"/>
    <xsl:param name="base" select="'field'"/>
    <xsl:attribute name="class">
      <xsl:value-of select="$base"/>
      <xsl:if test="/page/messages/message[@field = $name and @kind = 'error']"> has-error</xsl:if>
    </xsl:attribute>
  </xsl:template>

  <!-- aria-describedby (hint, errors) and aria-invalid for the current control. -->
  <xsl:template name="tka-aria">
    <xsl:param name="name"/>
    <xsl:param name="hint" select="false()"/>
    <xsl:variable name="error" select="/page/messages/message[@field = $name and @kind = 'error']"/>
    <xsl:if test="$hint or $error">
      <xsl:attribute name="aria-describedby">
        <xsl:if test="$error"><xsl:value-of select="concat($name, '-error')"/></xsl:if>
        <xsl:if test="$hint and $error"><xsl:text> </xsl:text></xsl:if>
        <xsl:if test="$hint"><xsl:value-of select="concat($name, '-hint')"/></xsl:if>
      </xsl:attribute>
    </xsl:if>
    <xsl:if test="$error"><xsl:attribute name="aria-invalid">true</xsl:attribute></xsl:if>
  </xsl:template>

  <!-- A field's messages: the catalogue's text, the options' line, PCRE2's words. -->
  <xsl:template name="tka-errors">
    <xsl:param name="name"/>
    <xsl:variable name="msgs" select="/page/messages/message[@field = $name]"/>
    <xsl:if test="$msgs">
      <p class="field-error" id="{$name}-error">
        <xsl:for-each select="$msgs">
          <span class="visually-hidden"><xsl:value-of select="pt:t('message.error')"/><xsl:text> </xsl:text></span>
          <xsl:if test="string(@line) != ''">
            <xsl:call-template name="pt-replace">
              <xsl:with-param name="text" select="pt:t('tickets.admin.options.at-line')"/>
              <xsl:with-param name="name" select="'line'"/>
              <xsl:with-param name="value" select="string(@line)"/>
            </xsl:call-template>
            <xsl:text> </xsl:text>
          </xsl:if>
          <xsl:call-template name="pt-message-text"/>
          <xsl:if test="string(@detail) != ''">
            <span class="tka-detail">
              <xsl:text> </xsl:text>
              <xsl:call-template name="pt-replace">
                <xsl:with-param name="text">
                  <xsl:call-template name="pt-replace">
                    <xsl:with-param name="text" select="pt:t('tickets.admin.field.pattern-detail')"/>
                    <xsl:with-param name="name" select="'detail'"/>
                    <xsl:with-param name="value" select="string(@detail)"/>
                  </xsl:call-template>
                </xsl:with-param>
                <xsl:with-param name="name" select="'offset'"/>
                <xsl:with-param name="value" select="string(@offset)"/>
              </xsl:call-template>
            </span>
          </xsl:if>
          <xsl:if test="position() != last()"><br/></xsl:if>
        </xsl:for-each>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- A text input (rows > 0: a textarea) with label, hint and errors. -->
  <xsl:template name="tka-input">
    <xsl:param name="name"/>
    <xsl:param name="label-key"/>
    <xsl:param name="hint-key" select="''"/>
    <xsl:param name="required" select="false()"/>
    <xsl:param name="rows" select="0"/>
    <xsl:param name="inputmode" select="''"/>
    <xsl:param name="class" select="''"/>
    <xsl:variable name="value" select="string(/page/form/field[@name = $name])"/>
    <div>
      <xsl:call-template name="tka-field-class">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="base" select="normalize-space(concat('field ', $class))"/>
      </xsl:call-template>
      <label for="{$name}">
        <xsl:value-of select="pt:t($label-key)"/>
        <xsl:if test="not($required)"><span class="tk-required"><xsl:value-of select="concat(' (', pt:t('tickets.admin.optional'), ')')"/></span></xsl:if>
      </label>
      <xsl:if test="$hint-key != ''">
        <p class="hint" id="{$name}-hint"><xsl:value-of select="pt:t($hint-key)"/></p>
      </xsl:if>
      <xsl:call-template name="tka-errors"><xsl:with-param name="name" select="$name"/></xsl:call-template>
      <xsl:choose>
        <xsl:when test="$rows &gt; 0">
          <textarea id="{$name}" name="{$name}" rows="{$rows}">
            <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="$name"/></xsl:call-template>
            <xsl:call-template name="tka-aria">
              <xsl:with-param name="name" select="$name"/>
              <xsl:with-param name="hint" select="$hint-key != ''"/>
            </xsl:call-template>
            <xsl:if test="$required"><xsl:attribute name="aria-required">true</xsl:attribute></xsl:if>
            <xsl:value-of select="$value"/>
          </textarea>
        </xsl:when>
        <xsl:otherwise>
          <input id="{$name}" name="{$name}" type="text" value="{$value}">
            <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="$name"/></xsl:call-template>
            <xsl:if test="$inputmode != ''"><xsl:attribute name="inputmode"><xsl:value-of select="$inputmode"/></xsl:attribute></xsl:if>
            <xsl:call-template name="tka-aria">
              <xsl:with-param name="name" select="$name"/>
              <xsl:with-param name="hint" select="$hint-key != ''"/>
            </xsl:call-template>
            <xsl:if test="$required"><xsl:attribute name="aria-required">true</xsl:attribute></xsl:if>
          </input>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <!-- A select: options are $options (elements: @id is the value, the text
       the label) or the words of $values with texts pt:t($prefix + word). -->
  <xsl:template name="tka-select">
    <xsl:param name="name"/>
    <xsl:param name="label-key"/>
    <xsl:param name="hint-key" select="''"/>
    <xsl:param name="options" select="/.."/>
    <xsl:param name="values" select="''"/>
    <xsl:param name="prefix" select="''"/>
    <xsl:param name="empty-key" select="''"/>
    <xsl:param name="inactive-key" select="''"/>
    <xsl:variable name="current" select="string(/page/form/field[@name = $name])"/>
    <div>
      <xsl:call-template name="tka-field-class"><xsl:with-param name="name" select="$name"/></xsl:call-template>
      <label for="{$name}"><xsl:value-of select="pt:t($label-key)"/></label>
      <xsl:if test="$hint-key != ''">
        <p class="hint" id="{$name}-hint"><xsl:value-of select="pt:t($hint-key)"/></p>
      </xsl:if>
      <xsl:call-template name="tka-errors"><xsl:with-param name="name" select="$name"/></xsl:call-template>
      <select id="{$name}" name="{$name}">
        <xsl:call-template name="tka-aria">
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="hint" select="$hint-key != ''"/>
        </xsl:call-template>
        <xsl:if test="$empty-key != ''">
          <option value=""><xsl:value-of select="pt:t($empty-key)"/></option>
        </xsl:if>
        <xsl:for-each select="$options">
          <option value="{@id}">
            <xsl:if test="string(@id) = $current"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
            <xsl:value-of select="."/>
            <xsl:if test="$inactive-key != '' and @active = '0'">
              <xsl:value-of select="concat(' (', pt:t($inactive-key), ')')"/>
            </xsl:if>
          </option>
        </xsl:for-each>
        <xsl:call-template name="tka-word-options">
          <xsl:with-param name="words" select="normalize-space($values)"/>
          <xsl:with-param name="prefix" select="$prefix"/>
          <xsl:with-param name="current" select="$current"/>
        </xsl:call-template>
      </select>
    </div>
  </xsl:template>

  <xsl:template name="tka-word-options">
    <xsl:param name="words"/>
    <xsl:param name="prefix"/>
    <xsl:param name="current"/>
    <xsl:if test="$words != ''">
      <xsl:variable name="w">
        <xsl:choose>
          <xsl:when test="contains($words, ' ')"><xsl:value-of select="substring-before($words, ' ')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$words"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <option value="{$w}">
        <xsl:if test="$w = $current"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
        <xsl:value-of select="pt:t(concat($prefix, $w))"/>
      </option>
      <xsl:call-template name="tka-word-options">
        <xsl:with-param name="words" select="substring-after($words, ' ')"/>
        <xsl:with-param name="prefix" select="$prefix"/>
        <xsl:with-param name="current" select="$current"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- One checkbox, ticked when the form's value is 1. -->
  <xsl:template name="tka-check">
    <xsl:param name="name"/>
    <xsl:param name="label-key"/>
    <xsl:param name="hint-key" select="''"/>
    <div>
      <xsl:call-template name="tka-field-class">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="base" select="'field tka-check'"/>
      </xsl:call-template>
      <xsl:call-template name="tka-errors"><xsl:with-param name="name" select="$name"/></xsl:call-template>
      <div class="choice">
        <input type="checkbox" id="{$name}" name="{$name}" value="1">
          <xsl:if test="/page/form/field[@name = $name] = '1'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
          <xsl:call-template name="tka-aria">
            <xsl:with-param name="name" select="$name"/>
            <xsl:with-param name="hint" select="$hint-key != ''"/>
          </xsl:call-template>
        </input>
        <label for="{$name}"><xsl:value-of select="pt:t($label-key)"/></label>
      </div>
      <xsl:if test="$hint-key != ''">
        <p class="hint" id="{$name}-hint"><xsl:value-of select="pt:t($hint-key)"/></p>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- Checkboxes named $name over the words of $values (ticked: a form
       field of that value); the first one carries the id the error links to. -->
  <xsl:template name="tka-checks">
    <xsl:param name="name"/>
    <xsl:param name="legend-key"/>
    <xsl:param name="hint-key" select="''"/>
    <xsl:param name="values"/>
    <xsl:param name="prefix"/>
    <fieldset>
      <xsl:call-template name="tka-field-class">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="base" select="'choice-group'"/>
      </xsl:call-template>
      <legend><xsl:value-of select="pt:t($legend-key)"/></legend>
      <xsl:if test="$hint-key != ''">
        <p class="hint" id="{$name}-hint"><xsl:value-of select="pt:t($hint-key)"/></p>
      </xsl:if>
      <xsl:call-template name="tka-errors"><xsl:with-param name="name" select="$name"/></xsl:call-template>
      <div class="tka-checks">
        <xsl:call-template name="tka-check-words">
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="words" select="normalize-space($values)"/>
          <xsl:with-param name="prefix" select="$prefix"/>
          <xsl:with-param name="first" select="true()"/>
          <xsl:with-param name="hint" select="$hint-key != ''"/>
        </xsl:call-template>
      </div>
    </fieldset>
  </xsl:template>

  <xsl:template name="tka-check-words">
    <xsl:param name="name"/>
    <xsl:param name="words"/>
    <xsl:param name="prefix"/>
    <xsl:param name="first"/>
    <xsl:param name="hint"/>
    <xsl:if test="$words != ''">
      <xsl:variable name="w">
        <xsl:choose>
          <xsl:when test="contains($words, ' ')"><xsl:value-of select="substring-before($words, ' ')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$words"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="id">
        <xsl:choose>
          <xsl:when test="$first"><xsl:value-of select="$name"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat($name, '-', $w)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <div class="choice">
        <input type="checkbox" id="{$id}" name="{$name}" value="{$w}">
          <xsl:if test="/page/form/field[@name = $name and . = $w]"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
          <xsl:if test="$first">
            <xsl:call-template name="tka-aria">
              <xsl:with-param name="name" select="$name"/>
              <xsl:with-param name="hint" select="$hint"/>
            </xsl:call-template>
          </xsl:if>
        </input>
        <label for="{$id}"><xsl:value-of select="pt:t(concat($prefix, $w))"/></label>
      </div>
      <xsl:call-template name="tka-check-words">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="words" select="substring-after($words, ' ')"/>
        <xsl:with-param name="prefix" select="$prefix"/>
        <xsl:with-param name="first" select="false()"/>
        <xsl:with-param name="hint" select="$hint"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Up and down buttons posting to $action (…/move); $what names the row for screen readers. -->
  <xsl:template name="tka-move">
    <xsl:param name="action"/>
    <xsl:param name="what"/>
    <xsl:param name="first" select="false()"/>
    <xsl:param name="last" select="false()"/>
    <form class="tka-move" method="post" action="{$action}">
      <input type="hidden" name="csrf" value="{$pt-csrf}"/>
      <button type="submit" class="btn btn-secondary btn-small" name="direction" value="up">
        <xsl:if test="$first"><xsl:attribute name="disabled">disabled</xsl:attribute></xsl:if>
        <span aria-hidden="true">&#8593;</span>
        <span class="visually-hidden">
          <xsl:call-template name="pt-replace">
            <xsl:with-param name="text" select="pt:t('tickets.admin.move.up')"/>
            <xsl:with-param name="name" select="'name'"/>
            <xsl:with-param name="value" select="$what"/>
          </xsl:call-template>
        </span>
      </button>
      <button type="submit" class="btn btn-secondary btn-small" name="direction" value="down">
        <xsl:if test="$last"><xsl:attribute name="disabled">disabled</xsl:attribute></xsl:if>
        <span aria-hidden="true">&#8595;</span>
        <span class="visually-hidden">
          <xsl:call-template name="pt-replace">
            <xsl:with-param name="text" select="pt:t('tickets.admin.move.down')"/>
            <xsl:with-param name="name" select="'name'"/>
            <xsl:with-param name="value" select="$what"/>
          </xsl:call-template>
        </span>
      </button>
    </form>
  </xsl:template>

  <xsl:template name="tka-active">
    <xsl:param name="active"/>
    <xsl:choose>
      <xsl:when test="$active = '1'"><span class="status-badge status-active"><xsl:value-of select="pt:t('tickets.admin.active')"/></span></xsl:when>
      <xsl:otherwise><span class="status-badge status-inactive"><xsl:value-of select="pt:t('tickets.admin.inactive')"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A text with {name} replaced (a catalogue key and a value). -->
  <xsl:template name="tka-fill">
    <xsl:param name="key"/>
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:call-template name="pt-replace">
      <xsl:with-param name="text" select="pt:t($key)"/>
      <xsl:with-param name="name" select="$name"/>
      <xsl:with-param name="value" select="$value"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
