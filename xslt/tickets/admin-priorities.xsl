<?xml version="1.0" encoding="UTF-8"?>
<!-- The priority matrix: impact (rows) x urgency (columns) -> P1..P5, a
     choice per cell (view "admin-priorities", permission tickets.admin).
     Data: tka-matrix/@levels; values /page/form[@name='matrix'] p-<impact>-<urgency>. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="admin-common.xsl"/>

  <xsl:template match="page" mode="content">
    <div class="admin-head">
      <div>
        <h1><xsl:value-of select="pt:t('tickets.admin.priorities.title')"/></h1>
        <p class="lead"><xsl:value-of select="pt:t('tickets.admin.priorities.lead')"/></p>
      </div>
    </div>
    <xsl:call-template name="tka-tabs"><xsl:with-param name="current" select="'priorities'"/></xsl:call-template>

    <form class="form" method="post" action="/tickets/admin/priorities" novalidate="novalidate">
      <input type="hidden" name="csrf" value="{$pt-csrf}"/>
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="matrix-caption">
        <table class="data-table tka-matrix">
          <caption id="matrix-caption"><xsl:value-of select="pt:t('tickets.admin.priorities.caption')"/></caption>
          <thead>
            <tr>
              <td class="tka-corner"><xsl:value-of select="pt:t('tickets.admin.priorities.corner')"/></td>
              <xsl:for-each select="/page/form[@name = 'matrix']/field[starts-with(@name, 'p-1-')]">
                <th scope="col">
                  <xsl:call-template name="tka-fill">
                    <xsl:with-param name="key" select="'tickets.admin.priorities.urgency'"/>
                    <xsl:with-param name="name" select="'level'"/>
                    <xsl:with-param name="value" select="pt:t(concat('tickets.level.', substring-after(substring-after(@name, '-'), '-')))"/>
                  </xsl:call-template>
                </th>
              </xsl:for-each>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="/page/form[@name = 'matrix']/field[substring-after(substring-after(@name, '-'), '-') = '1']">
              <xsl:variable name="impact" select="substring-before(substring-after(@name, '-'), '-')"/>
              <xsl:variable name="impact-text">
                <xsl:call-template name="tka-fill">
                  <xsl:with-param name="key" select="'tickets.admin.priorities.impact'"/>
                  <xsl:with-param name="name" select="'level'"/>
                  <xsl:with-param name="value" select="pt:t(concat('tickets.level.', $impact))"/>
                </xsl:call-template>
              </xsl:variable>
              <tr>
                <th scope="row"><xsl:value-of select="$impact-text"/></th>
                <xsl:for-each select="/page/form[@name = 'matrix']/field[starts-with(@name, concat('p-', $impact, '-'))]">
                  <xsl:variable name="name" select="string(@name)"/>
                  <xsl:variable name="urgency" select="substring-after(substring-after($name, '-'), '-')"/>
                  <td>
                    <xsl:call-template name="tka-field-class">
                      <xsl:with-param name="name" select="$name"/>
                      <xsl:with-param name="base" select="'tka-cell'"/>
                    </xsl:call-template>
                    <label for="{$name}" class="visually-hidden">
                      <xsl:value-of select="$impact-text"/>
                      <xsl:text>, </xsl:text>
                      <xsl:call-template name="tka-fill">
                        <xsl:with-param name="key" select="'tickets.admin.priorities.urgency'"/>
                        <xsl:with-param name="name" select="'level'"/>
                        <xsl:with-param name="value" select="pt:t(concat('tickets.level.', $urgency))"/>
                      </xsl:call-template>
                    </label>
                    <xsl:call-template name="tka-errors"><xsl:with-param name="name" select="$name"/></xsl:call-template>
                    <select id="{$name}" name="{$name}">
                      <xsl:call-template name="tka-aria"><xsl:with-param name="name" select="$name"/></xsl:call-template>
                      <xsl:if test="string(.) = ''"><option value=""><xsl:value-of select="pt:t('tickets.admin.choose')"/></option></xsl:if>
                      <xsl:call-template name="tka-word-options">
                        <xsl:with-param name="words" select="'1 2 3 4 5'"/>
                        <xsl:with-param name="prefix" select="'tickets.priority.'"/>
                        <xsl:with-param name="current" select="string(.)"/>
                      </xsl:call-template>
                    </select>
                  </td>
                </xsl:for-each>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
      <p class="hint"><xsl:value-of select="pt:t('tickets.admin.priorities.note')"/></p>
      <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('tickets.admin.priorities.save')"/></button>
    </form>
  </xsl:template>

</xsl:stylesheet>
