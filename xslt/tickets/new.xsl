<?xml version="1.0" encoding="UTF-8"?>
<!-- A service's request form (view "new"): subject, description and the
     service's own fields by kind, with the values sent kept after a
     mistake. Data: ticket-form (service, fields/field) and form ticket. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="tickets-common.xsl"/>
  <xsl:include href="deflect-live.xsl"/>

  <xsl:variable name="tf" select="/page/ticket-form"/>
  <xsl:variable name="values" select="/page/form[@name = 'ticket']"/>

  <xsl:template match="page" mode="title">
    <xsl:value-of select="$tf/service/name"/>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <p class="back-link"><a href="/tickets/"><xsl:value-of select="pt:t('tickets.new.back')"/></a></p>
    <div class="card form-card tk-form-card">
      <p class="eyebrow"><xsl:value-of select="$tf/service/category"/></p>
      <h1><xsl:value-of select="$tf/service/name"/></h1>
      <xsl:if test="string($tf/service/description) != ''">
        <p class="lead"><xsl:value-of select="$tf/service/description"/></p>
      </xsl:if>
      <p class="hint"><xsl:value-of select="pt:t('tickets.new.lead')"/></p>
      <form class="form" method="post" action="{$tf/@action}" enctype="multipart/form-data" novalidate="novalidate">
        <input type="hidden" name="csrf" value="{$pt-csrf}"/>
        <xsl:call-template name="tk-input">
          <xsl:with-param name="name" select="'subject'"/>
          <xsl:with-param name="label" select="pt:t('tickets.subject')"/>
          <xsl:with-param name="help" select="pt:t('tickets.subject.help')"/>
          <xsl:with-param name="kind" select="'text'"/>
          <xsl:with-param name="required" select="true()"/>
        </xsl:call-template>
        <xsl:call-template name="tk-input">
          <xsl:with-param name="name" select="'description'"/>
          <xsl:with-param name="label" select="pt:t('tickets.description')"/>
          <xsl:with-param name="help" select="pt:t('tickets.description.help')"/>
          <xsl:with-param name="kind" select="'longtext'"/>
          <xsl:with-param name="required" select="true()"/>
        </xsl:call-template>
        <xsl:call-template name="tk-deflect-live"/>
        <xsl:for-each select="$tf/fields/field">
          <xsl:call-template name="tk-input">
            <xsl:with-param name="name" select="string(@name)"/>
            <xsl:with-param name="label" select="string(label)"/>
            <xsl:with-param name="help" select="string(help)"/>
            <xsl:with-param name="kind" select="string(@kind)"/>
            <xsl:with-param name="required" select="@required = '1'"/>
            <xsl:with-param name="def" select="."/>
          </xsl:call-template>
        </xsl:for-each>
        <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('tickets.new.submit')"/></button>
      </form>
    </div>
  </xsl:template>

  <!-- One field of the form: label, help, errors, and the control of its kind. -->
  <xsl:template name="tk-input">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="help"/>
    <xsl:param name="kind"/>
    <xsl:param name="required"/>
    <xsl:param name="def" select="/.."/>
    <xsl:variable name="value" select="string($values/field[@name = $name])"/>
    <xsl:variable name="has-error" select="/page/messages/message[@field = $name and @kind = 'error']"/>
    <xsl:variable name="extra-help">
      <xsl:choose>
        <xsl:when test="$kind = 'file'">
          <xsl:call-template name="tk-fill">
            <xsl:with-param name="key" select="'tickets.file.help'"/>
            <xsl:with-param name="name" select="'max'"/>
            <xsl:with-param name="value" select="floor($def/@max-bytes div 1048576)"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="$kind = 'date'"><xsl:value-of select="pt:t('tickets.date.help')"/></xsl:when>
        <xsl:when test="$kind = 'number' and string($def/@min) != '' and string($def/@max) != ''">
          <xsl:call-template name="pt-replace">
            <xsl:with-param name="text">
              <xsl:call-template name="tk-fill">
                <xsl:with-param name="key" select="'tickets.number.range'"/>
                <xsl:with-param name="name" select="'min'"/>
                <xsl:with-param name="value" select="string($def/@min)"/>
              </xsl:call-template>
            </xsl:with-param>
            <xsl:with-param name="name" select="'max'"/>
            <xsl:with-param name="value" select="string($def/@max)"/>
          </xsl:call-template>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="described">
      <xsl:if test="$help != '' or string($extra-help) != ''"><xsl:value-of select="concat($name, '-help')"/></xsl:if>
      <xsl:if test="$has-error"><xsl:value-of select="concat(' ', $name, '-error')"/></xsl:if>
    </xsl:variable>
    <xsl:variable name="container">
      <xsl:choose>
        <xsl:when test="$kind = 'multiselect'">fieldset</xsl:when>
        <xsl:otherwise>div</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$container}">
      <xsl:attribute name="class">
        <xsl:text>field tk-field tk-field-</xsl:text><xsl:value-of select="$kind"/>
        <xsl:if test="$has-error"> has-error</xsl:if>
      </xsl:attribute>
      <xsl:choose>
        <xsl:when test="$kind = 'multiselect'">
          <legend>
            <xsl:value-of select="$label"/>
            <xsl:if test="$required"><span class="tk-required"><xsl:value-of select="concat(' (', pt:t('tickets.required'), ')')"/></span></xsl:if>
          </legend>
        </xsl:when>
        <xsl:when test="$kind = 'checkbox'"/>
        <xsl:otherwise>
          <label for="{$name}">
            <xsl:value-of select="$label"/>
            <xsl:if test="$required"><span class="tk-required"><xsl:value-of select="concat(' (', pt:t('tickets.required'), ')')"/></span></xsl:if>
          </label>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$help != '' or string($extra-help) != ''">
        <p class="hint" id="{$name}-help">
          <xsl:value-of select="$help"/>
          <xsl:if test="$help != '' and string($extra-help) != ''"><xsl:text> </xsl:text></xsl:if>
          <xsl:value-of select="$extra-help"/>
        </p>
      </xsl:if>
      <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="$name"/></xsl:call-template>
      <xsl:choose>
        <xsl:when test="$kind = 'longtext'">
          <textarea id="{$name}" name="{$name}" rows="6">
            <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="$name"/></xsl:call-template>
            <xsl:call-template name="tk-aria"><xsl:with-param name="described" select="normalize-space($described)"/><xsl:with-param name="error" select="$has-error"/><xsl:with-param name="required" select="$required"/></xsl:call-template>
            <xsl:value-of select="$value"/>
          </textarea>
        </xsl:when>
        <xsl:when test="$kind = 'select'">
          <select id="{$name}" name="{$name}">
            <xsl:call-template name="tk-aria"><xsl:with-param name="described" select="normalize-space($described)"/><xsl:with-param name="error" select="$has-error"/><xsl:with-param name="required" select="$required"/></xsl:call-template>
            <option value=""><xsl:value-of select="pt:t('tickets.choose')"/></option>
            <xsl:for-each select="$def/option">
              <option value="{@value}">
                <xsl:if test="@value = $value"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="."/>
              </option>
            </xsl:for-each>
          </select>
        </xsl:when>
        <xsl:when test="$kind = 'multiselect'">
          <ul class="choice-group tk-choices">
            <xsl:for-each select="$def/option">
              <xsl:variable name="id">
                <xsl:choose>
                  <xsl:when test="position() = 1"><xsl:value-of select="$name"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="concat($name, '-', position())"/></xsl:otherwise>
                </xsl:choose>
              </xsl:variable>
              <li class="choice">
                <input type="checkbox" id="{$id}" name="{$name}" value="{@value}">
                  <xsl:if test="$values/field[@name = $name and . = current()/@value]"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
                  <xsl:if test="position() = 1">
                    <xsl:call-template name="tk-aria"><xsl:with-param name="described" select="normalize-space($described)"/><xsl:with-param name="error" select="$has-error"/></xsl:call-template>
                  </xsl:if>
                </input>
                <label for="{$id}"><xsl:value-of select="."/></label>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:when test="$kind = 'checkbox'">
          <p class="choice">
            <input type="checkbox" id="{$name}" name="{$name}" value="1">
              <xsl:if test="$value = '1'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
              <xsl:call-template name="tk-aria"><xsl:with-param name="described" select="normalize-space($described)"/><xsl:with-param name="error" select="$has-error"/><xsl:with-param name="required" select="$required"/></xsl:call-template>
            </input>
            <label for="{$name}">
              <xsl:value-of select="$label"/>
              <xsl:if test="$required"><span class="tk-required"><xsl:value-of select="concat(' (', pt:t('tickets.required'), ')')"/></span></xsl:if>
            </label>
          </p>
        </xsl:when>
        <xsl:otherwise>
          <input id="{$name}" name="{$name}">
            <xsl:attribute name="type">
              <xsl:choose>
                <xsl:when test="$kind = 'date'">date</xsl:when>
                <xsl:when test="$kind = 'file'">file</xsl:when>
                <xsl:otherwise>text</xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
            <xsl:if test="$kind != 'file'">
              <xsl:attribute name="value"><xsl:value-of select="$value"/></xsl:attribute>
            </xsl:if>
            <xsl:if test="$kind = 'number'"><xsl:attribute name="inputmode">decimal</xsl:attribute></xsl:if>
            <xsl:if test="$kind = 'date' and string($def/@min) != ''"><xsl:attribute name="min"><xsl:value-of select="$def/@min"/></xsl:attribute></xsl:if>
            <xsl:if test="$kind = 'date' and string($def/@max) != ''"><xsl:attribute name="max"><xsl:value-of select="$def/@max"/></xsl:attribute></xsl:if>
            <xsl:if test="$kind = 'file'"><xsl:attribute name="accept">application/pdf,image/png,image/jpeg,image/gif,image/webp,text/plain</xsl:attribute></xsl:if>
            <xsl:if test="$kind = 'text'">
              <xsl:call-template name="pt-maxlength"><xsl:with-param name="name" select="$name"/></xsl:call-template>
            </xsl:if>
            <xsl:call-template name="tk-aria"><xsl:with-param name="described" select="normalize-space($described)"/><xsl:with-param name="error" select="$has-error"/><xsl:with-param name="required" select="$required"/></xsl:call-template>
          </input>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:element>
  </xsl:template>

  <xsl:template name="tk-aria">
    <xsl:param name="described"/>
    <xsl:param name="error"/>
    <xsl:param name="required" select="false()"/>
    <xsl:if test="$described != ''"><xsl:attribute name="aria-describedby"><xsl:value-of select="$described"/></xsl:attribute></xsl:if>
    <xsl:if test="$error"><xsl:attribute name="aria-invalid">true</xsl:attribute></xsl:if>
    <xsl:if test="$required"><xsl:attribute name="aria-required">true</xsl:attribute></xsl:if>
  </xsl:template>

</xsl:stylesheet>
