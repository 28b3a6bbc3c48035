<?xml version="1.0" encoding="UTF-8"?>
<!-- The audit log (view "audit"): filters, entries newest first, pager.
     /page/audit/@scope is "all" (admin.audit) or "org" (an org's admin). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orgs-common.xsl"/>

  <xsl:template match="page" mode="content">
    <xsl:variable name="a" select="audit"/>
    <xsl:variable name="f" select="audit/filter"/>
    <xsl:call-template name="prov-subnav"/>
    <h1><xsl:value-of select="pt:t('audit.title')"/></h1>
    <p class="lead">
      <xsl:choose>
        <xsl:when test="$a/@scope = 'org'">
          <xsl:call-template name="pt-replace">
            <xsl:with-param name="text" select="pt:t('audit.intro.org')"/>
            <xsl:with-param name="name" select="'org'"/>
            <xsl:with-param name="value" select="string($pt-user/org)"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="pt:t('audit.intro.all')"/></xsl:otherwise>
      </xsl:choose>
    </p>

    <form class="prov-filter card" method="get" action="/auth/audit" role="search" aria-label="{pt:t('audit.filter')}" novalidate="novalidate">
      <xsl:call-template name="filter-field">
        <xsl:with-param name="name" select="'action'"/>
        <xsl:with-param name="value" select="string($f/@action)"/>
        <xsl:with-param name="hint-key" select="'audit.action.hint'"/>
      </xsl:call-template>
      <xsl:call-template name="filter-field">
        <xsl:with-param name="name" select="'object'"/>
        <xsl:with-param name="value" select="string($f/@object)"/>
        <xsl:with-param name="hint-key" select="'audit.object.hint'"/>
      </xsl:call-template>
      <xsl:call-template name="filter-field">
        <xsl:with-param name="name" select="'user'"/>
        <xsl:with-param name="value" select="string($f/@user)"/>
      </xsl:call-template>
      <xsl:call-template name="filter-field">
        <xsl:with-param name="name" select="'from'"/>
        <xsl:with-param name="value" select="string($f/@from)"/>
        <xsl:with-param name="type" select="'date'"/>
        <xsl:with-param name="hint-key" select="'audit.date.hint'"/>
      </xsl:call-template>
      <xsl:call-template name="filter-field">
        <xsl:with-param name="name" select="'to'"/>
        <xsl:with-param name="value" select="string($f/@to)"/>
        <xsl:with-param name="type" select="'date'"/>
        <xsl:with-param name="hint-key" select="'audit.date.hint'"/>
      </xsl:call-template>
      <xsl:if test="$a/orgs">
        <div>
          <xsl:call-template name="prov-field-class"><xsl:with-param name="name" select="'org'"/></xsl:call-template>
          <label for="org"><xsl:value-of select="pt:t('audit.org')"/></label>
          <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'org'"/></xsl:call-template>
          <select id="org" name="org">
            <xsl:call-template name="pt-field-aria"><xsl:with-param name="field" select="'org'"/></xsl:call-template>
            <option value=""><xsl:value-of select="pt:t('orgs.any')"/></option>
            <xsl:for-each select="$a/orgs/org">
              <option value="{@id}">
                <xsl:if test="string(@id) = string($f/@org)"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="."/>
              </option>
            </xsl:for-each>
          </select>
        </div>
      </xsl:if>
      <div class="prov-filter-actions">
        <button type="submit" class="btn btn-primary"><xsl:value-of select="pt:t('orgs.apply')"/></button>
      </div>
    </form>

    <xsl:choose>
      <xsl:when test="$a/entry">
        <div class="prov-table-wrap" role="region" aria-labelledby="audit-caption" tabindex="0">
          <table class="prov-table prov-audit">
            <caption id="audit-caption"><xsl:value-of select="pt:t('audit.caption')"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="pt:t('audit.when')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('audit.who')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('audit.org')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('audit.action')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('audit.object')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('audit.ip')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('audit.change')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$a/entry">
                <tr>
                  <td class="prov-nowrap">
                    <xsl:call-template name="pt-datetime">
                      <xsl:with-param name="iso" select="string(@at)"/>
                      <xsl:with-param name="style" select="'relative'"/>
                    </xsl:call-template>
                  </td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="user">
                        <span class="prov-who"><xsl:value-of select="user/name"/></span>
                        <span class="prov-muted prov-break"><xsl:value-of select="user/email"/></span>
                      </xsl:when>
                      <xsl:otherwise><span class="prov-muted"><xsl:value-of select="pt:t('audit.system')"/></span></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td><xsl:value-of select="org"/></td>
                  <td><code class="prov-code"><xsl:value-of select="@action"/></code></td>
                  <td>
                    <code class="prov-code"><xsl:value-of select="@object-type"/></code>
                    <xsl:if test="string(@object-id) != ''">
                      <xsl:text> </xsl:text><xsl:value-of select="@object-id"/>
                    </xsl:if>
                  </td>
                  <td class="prov-nowrap"><xsl:value-of select="@ip"/></td>
                  <td class="prov-change">
                    <xsl:if test="before">
                      <p class="prov-json-label"><xsl:value-of select="pt:t('audit.before')"/></p>
                      <pre class="prov-json"><xsl:value-of select="before"/></pre>
                    </xsl:if>
                    <xsl:if test="after">
                      <p class="prov-json-label"><xsl:value-of select="pt:t('audit.after')"/></p>
                      <pre class="prov-json"><xsl:value-of select="after"/></pre>
                    </xsl:if>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="prov-empty"><xsl:value-of select="pt:t('audit.none')"/></p>
      </xsl:otherwise>
    </xsl:choose>

    <xsl:call-template name="prov-pager">
      <xsl:with-param name="pager" select="$a/pager"/>
      <xsl:with-param name="filter" select="$f"/>
      <xsl:with-param name="action" select="'/auth/audit'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A filter input: the value shown is what the list is filtered by,
       except after a bad value, which is shown again as typed. -->
  <xsl:template name="filter-field">
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:param name="type" select="'text'"/>
    <xsl:param name="hint-key" select="''"/>
    <xsl:variable name="bad" select="/page/messages/message[@field = $name]"/>
    <div>
      <xsl:call-template name="prov-field-class"><xsl:with-param name="name" select="$name"/></xsl:call-template>
      <label for="{$name}"><xsl:value-of select="pt:t(concat('audit.filter.', $name))"/></label>
      <xsl:if test="$hint-key != ''">
        <p class="field-hint" id="{$name}-hint"><xsl:value-of select="pt:t($hint-key)"/></p>
      </xsl:if>
      <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="$name"/></xsl:call-template>
      <input id="{$name}" name="{$name}" type="{$type}">
        <xsl:attribute name="value">
          <xsl:choose>
            <xsl:when test="$bad"><xsl:value-of select="/page/form[@name = 'audit']/field[@name = $name]"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$value"/></xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:if test="$hint-key != ''"><xsl:attribute name="aria-describedby"><xsl:value-of select="concat($name, '-hint')"/></xsl:attribute></xsl:if>
        <xsl:if test="$bad">
          <xsl:attribute name="aria-invalid">true</xsl:attribute>
          <xsl:attribute name="aria-describedby">
            <xsl:value-of select="concat($name, '-error')"/>
            <xsl:if test="$hint-key != ''"><xsl:value-of select="concat(' ', $name, '-hint')"/></xsl:if>
          </xsl:attribute>
        </xsl:if>
      </input>
    </div>
  </xsl:template>

</xsl:stylesheet>
