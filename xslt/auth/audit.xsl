<?xml version="1.0" encoding="UTF-8"?>
<!-- The audit log (view "audit"): filters, entries newest first, pager.
     /page/audit/@scope is "all" (admin.audit) or "org" (an org's admin). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orgs-common.xsl"/>

  <xsl:decimal-format name="audit-en" decimal-separator="." grouping-separator=","/>
  <xsl:decimal-format name="audit-de" decimal-separator="," grouping-separator="."/>

  <xsl:template match="page" mode="content">
    <xsl:variable name="a" select="audit"/>
    <xsl:variable name="f" select="audit/filter"/>
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
        <div class="table-scroll" role="region" aria-labelledby="audit-caption" tabindex="0">
          <table class="data-table prov-audit">
            <caption id="audit-caption"><xsl:value-of select="pt:t('audit.caption')"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="pt:t('audit.when')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('audit.event')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('audit.org')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('audit.ip')"/></th>
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
                  <td class="prov-change"><xsl:apply-templates select="." mode="audit-event"/></td>
                  <td><xsl:value-of select="org"/></td>
                  <td class="prov-nowrap"><xsl:value-of select="@ip"/></td>
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

  <!-- ================= an entry as a sentence ========================== -->

  <!-- Actions whose sentence names the one field they change: its change
       follows the sentence after a colon, without a label. -->
  <xsl:variable name="audit-one-field"
      select="' user.roles user.status user.language user.email user.email-requested kb.article.state '"/>

  <!-- The sentence (audit.say.<action>, else audit.say.generic), the
       changed fields as before → after, and the raw record behind a
       disclosure. -->
  <xsl:template match="entry" mode="audit-event">
    <xsl:variable name="inline" select="count(changes/change) = 1 and contains($audit-one-field, concat(' ', @action, ' '))"/>
    <p class="audit-sentence">
      <xsl:call-template name="audit-fill">
        <xsl:with-param name="text">
          <xsl:call-template name="audit-t">
            <xsl:with-param name="key" select="concat('audit.say.', @action)"/>
            <xsl:with-param name="fallback" select="pt:t('audit.say.generic')"/>
          </xsl:call-template>
        </xsl:with-param>
        <xsl:with-param name="actor"><xsl:apply-templates select="." mode="audit-actor"/></xsl:with-param>
        <xsl:with-param name="object"><xsl:apply-templates select="." mode="audit-object"/></xsl:with-param>
        <xsl:with-param name="action" select="string(@action)"/>
      </xsl:call-template>
      <xsl:if test="$inline">
        <xsl:text>: </xsl:text>
        <xsl:apply-templates select="changes/change" mode="audit-values"/>
      </xsl:if>
    </p>
    <xsl:if test="changes/change and not($inline)">
      <ul class="audit-changes">
        <xsl:for-each select="changes/change">
          <li>
            <xsl:call-template name="audit-field-label"><xsl:with-param name="field" select="string(@field)"/></xsl:call-template>
            <xsl:text>: </xsl:text>
            <xsl:apply-templates select="." mode="audit-values"/>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:if>
    <details class="audit-details">
      <summary><xsl:value-of select="pt:t('audit.details')"/></summary>
      <dl class="audit-record">
        <dt><xsl:value-of select="pt:t('audit.who')"/></dt>
        <dd>
          <xsl:choose>
            <xsl:when test="user">
              <xsl:value-of select="user/name"/>
              <xsl:if test="string(user/email) != ''">
                <xsl:text> </xsl:text>
                <span class="prov-muted prov-break"><xsl:value-of select="user/email"/></span>
              </xsl:if>
            </xsl:when>
            <xsl:when test="integration">
              <xsl:call-template name="pt-replace">
                <xsl:with-param name="text" select="pt:t('audit.integration')"/>
                <xsl:with-param name="name" select="'name'"/>
                <xsl:with-param name="value" select="string(integration)"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="pt:t('audit.system')"/></xsl:otherwise>
          </xsl:choose>
        </dd>
        <dt><xsl:value-of select="pt:t('audit.action')"/></dt>
        <dd><code class="prov-code"><xsl:value-of select="@action"/></code></dd>
        <dt><xsl:value-of select="pt:t('audit.object')"/></dt>
        <dd>
          <code class="prov-code"><xsl:value-of select="@object-type"/></code>
          <xsl:if test="string(@object-id) != ''"><xsl:text> </xsl:text><xsl:value-of select="@object-id"/></xsl:if>
        </dd>
      </dl>
      <xsl:if test="before">
        <p class="prov-json-label"><xsl:value-of select="pt:t('audit.before')"/></p>
        <pre class="prov-json"><xsl:value-of select="before"/></pre>
      </xsl:if>
      <xsl:if test="after">
        <p class="prov-json-label"><xsl:value-of select="pt:t('audit.after')"/></p>
        <pre class="prov-json"><xsl:value-of select="after"/></pre>
      </xsl:if>
    </details>
  </xsl:template>

  <!-- Who acted: the name from the database, "A deleted user" for someone
       anonymised or removed, the integration for a change through the API,
       "System" for no one. -->
  <xsl:template match="entry" mode="audit-actor">
    <xsl:choose>
      <xsl:when test="not(user) and integration">
        <strong>
          <xsl:call-template name="pt-replace">
            <xsl:with-param name="text" select="pt:t('audit.integration')"/>
            <xsl:with-param name="name" select="'name'"/>
            <xsl:with-param name="value" select="string(integration)"/>
          </xsl:call-template>
        </strong>
      </xsl:when>
      <xsl:when test="not(user)"><xsl:value-of select="pt:t('audit.system')"/></xsl:when>
      <xsl:when test="user/@status = 'deleted'"><xsl:value-of select="pt:t('audit.deleted-user')"/></xsl:when>
      <xsl:otherwise><strong><xsl:value-of select="user/name"/></strong></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- What it was done to: the object's name, else its kind and id. -->
  <xsl:template match="entry" mode="audit-object">
    <xsl:choose>
      <xsl:when test="@object-type = 'user' and object/@status = 'deleted'">
        <xsl:value-of select="pt:t('audit.deleted-object')"/>
      </xsl:when>
      <xsl:when test="@object-type = 'role' and string(object) != ''">
        <strong><xsl:call-template name="prov-role-name"><xsl:with-param name="name" select="string(object)"/></xsl:call-template></strong>
      </xsl:when>
      <xsl:when test="string(object) != ''"><strong><xsl:value-of select="object"/></strong></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="audit-t">
          <xsl:with-param name="key" select="concat('audit.type.', @object-type)"/>
          <xsl:with-param name="fallback" select="string(@object-type)"/>
        </xsl:call-template>
        <xsl:if test="string(@object-id) != ''"><xsl:text> </xsl:text><xsl:value-of select="@object-id"/></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- before → after of one change. -->
  <xsl:template match="change" mode="audit-values">
    <span class="audit-before"><xsl:apply-templates select="before" mode="audit-value"/></span>
    <xsl:text> → </xsl:text>
    <span class="audit-after"><xsl:apply-templates select="after" mode="audit-value"/></span>
  </xsl:template>

  <!-- One side's value: a list shows what is not on the other side. -->
  <xsl:template match="before | after" mode="audit-value">
    <xsl:variable name="field" select="string(../@field)"/>
    <xsl:choose>
      <xsl:when test="@list = '1'">
        <xsl:variable name="changed" select="item[not(@kept = '1')]"/>
        <xsl:if test="not($changed)"><xsl:value-of select="pt:t('audit.empty')"/></xsl:if>
        <xsl:for-each select="$changed">
          <xsl:if test="position() &gt; 1"><xsl:text>, </xsl:text></xsl:if>
          <xsl:call-template name="audit-word">
            <xsl:with-param name="field" select="$field"/>
            <xsl:with-param name="value" select="string(.)"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="audit-word">
          <xsl:with-param name="field" select="$field"/>
          <xsl:with-param name="value" select="string(.)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A value in words: role names, statuses, kinds, languages, yes/no,
       money in the organisation's currency; other values as they are. -->
  <xsl:template name="audit-word">
    <xsl:param name="field"/>
    <xsl:param name="value"/>
    <xsl:variable name="e" select="ancestor::entry"/>
    <xsl:variable name="type" select="string($e/@object-type)"/>
    <xsl:variable name="prefix">
      <xsl:choose>
        <xsl:when test="$field = 'status' and $type = 'user'">users.status.</xsl:when>
        <xsl:when test="$field = 'status' and $type = 'org'">org.status.</xsl:when>
        <xsl:when test="$field = 'status' and $type = 'kb_article'">kb.editor.status.</xsl:when>
        <xsl:when test="$field = 'kind' or $field = 'org_kind'">org.kind.</xsl:when>
        <xsl:when test="$field = 'tier'">org.tier.</xsl:when>
        <xsl:when test="$field = 'language'">lang.</xsl:when>
        <xsl:when test="$field = 'audience'">kb.editor.audience.</xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="money" select="$field = 'order_limit_minor' or $field = 'monthly_limit_minor' or
        substring($field, string-length($field) - 5) = '.order' or
        substring($field, string-length($field) - 5) = '.month'"/>
    <xsl:choose>
      <xsl:when test="$value = '' and $money"><xsl:value-of select="pt:t('budgets.no-limit')"/></xsl:when>
      <xsl:when test="$value = ''"><xsl:value-of select="pt:t('audit.empty')"/></xsl:when>
      <xsl:when test="$field = 'roles'">
        <xsl:call-template name="prov-role-name"><xsl:with-param name="name" select="$value"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$money">
        <xsl:variable name="currency">
          <xsl:choose>
            <xsl:when test="string($e/object/@currency) != ''"><xsl:value-of select="$e/object/@currency"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$e/org/@currency"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="/page/@lang = 'de'"><xsl:value-of select="format-number(number($value) div 100, '#.##0,00', 'audit-de')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="format-number(number($value) div 100, '#,##0.00', 'audit-en')"/></xsl:otherwise>
        </xsl:choose>
        <xsl:text>&#160;</xsl:text><xsl:value-of select="$currency"/>
      </xsl:when>
      <xsl:when test="$value = 'true' or (starts-with($field, 'notify_') and $value = '1')"><xsl:value-of select="pt:t('audit.yes')"/></xsl:when>
      <xsl:when test="$value = 'false' or (starts-with($field, 'notify_') and $value = '0')"><xsl:value-of select="pt:t('audit.no')"/></xsl:when>
      <xsl:when test="string($prefix) != ''">
        <xsl:call-template name="audit-t">
          <xsl:with-param name="key" select="concat($prefix, $value)"/>
          <xsl:with-param name="fallback" select="$value"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$value"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- audit.field.<field>; "role.limit" (budgets) as the role's name and the limit. -->
  <xsl:template name="audit-field-label">
    <xsl:param name="field"/>
    <xsl:choose>
      <xsl:when test="contains($field, '.')">
        <xsl:call-template name="prov-role-name"><xsl:with-param name="name" select="substring-before($field, '.')"/></xsl:call-template>
        <xsl:text>, </xsl:text>
        <xsl:call-template name="audit-t">
          <xsl:with-param name="key" select="concat('audit.field.', substring-after($field, '.'))"/>
          <xsl:with-param name="fallback" select="substring-after($field, '.')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="audit-t">
          <xsl:with-param name="key" select="concat('audit.field.', $field)"/>
          <xsl:with-param name="fallback" select="$field"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The catalogue's text for key, else fallback. -->
  <xsl:template name="audit-t">
    <xsl:param name="key"/>
    <xsl:param name="fallback"/>
    <xsl:variable name="t" select="pt:t($key)"/>
    <xsl:choose>
      <xsl:when test="$t != $key"><xsl:value-of select="$t"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$fallback"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- text with {actor} and {object} replaced by the fragments and
       {action} by the action's code. -->
  <xsl:template name="audit-fill">
    <xsl:param name="text"/>
    <xsl:param name="actor"/>
    <xsl:param name="object"/>
    <xsl:param name="action"/>
    <xsl:variable name="after" select="substring-after($text, '{')"/>
    <xsl:choose>
      <xsl:when test="contains($text, '{') and contains($after, '}')">
        <xsl:variable name="name" select="substring-before($after, '}')"/>
        <xsl:value-of select="substring-before($text, '{')"/>
        <xsl:choose>
          <xsl:when test="$name = 'actor'"><xsl:copy-of select="$actor"/></xsl:when>
          <xsl:when test="$name = 'object'"><xsl:copy-of select="$object"/></xsl:when>
          <xsl:when test="$name = 'action'"><code class="prov-code"><xsl:value-of select="$action"/></code></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat('{', $name, '}')"/></xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="audit-fill">
          <xsl:with-param name="text" select="substring-after($after, '}')"/>
          <xsl:with-param name="actor" select="$actor"/>
          <xsl:with-param name="object" select="$object"/>
          <xsl:with-param name="action" select="$action"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
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
