<?xml version="1.0" encoding="UTF-8"?>
<!-- Create a role, or edit one and its permissions (view "role-form",
     permission admin.roles). /page/role-form has @id, @builtin and
     <permission id name granted> children when editing. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orgs-common.xsl"/>

  <xsl:template match="page" mode="title">
    <xsl:choose>
      <xsl:when test="role-form/@id"><xsl:value-of select="pt:t('roles.edit.title')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="pt:t('roles.new.title')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page" mode="content">
    <xsl:variable name="r" select="role-form"/>
    <xsl:variable name="builtin" select="$r/@builtin = '1'"/>
    <p class="prov-back"><a href="/auth/admin/roles"><xsl:value-of select="pt:t('roles.back')"/></a></p>
    <section class="card prov-form-card" aria-labelledby="role-title">
      <h1 id="role-title">
        <xsl:choose>
          <xsl:when test="$r/@id">
            <xsl:call-template name="prov-role-name"><xsl:with-param name="name" select="string($r/name)"/></xsl:call-template>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="pt:t('roles.new.title')"/></xsl:otherwise>
        </xsl:choose>
      </h1>

      <form class="form" method="post" novalidate="novalidate">
        <xsl:attribute name="action">
          <xsl:choose>
            <xsl:when test="$r/@id">/auth/admin/roles/<xsl:value-of select="$r/@id"/></xsl:when>
            <xsl:otherwise>/auth/admin/roles/new</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <input type="hidden" name="csrf" value="{$pt-csrf}"/>

        <xsl:choose>
          <xsl:when test="$builtin">
            <dl class="prov-facts">
              <div>
                <dt><xsl:value-of select="pt:t('roles.name')"/></dt>
                <dd><code class="prov-code"><xsl:value-of select="$r/name"/></code></dd>
              </div>
              <div>
                <dt><xsl:value-of select="pt:t('roles.org-kind')"/></dt>
                <dd><xsl:value-of select="pt:t(concat('org.kind.', $r/@org-kind))"/></dd>
              </div>
              <div>
                <dt><xsl:value-of select="pt:t('roles.home')"/></dt>
                <dd><xsl:value-of select="pt:t(concat('roles.home.', /page/form/field[@name = 'home']))"/></dd>
              </div>
              <div>
                <dt><xsl:value-of select="pt:t('roles.priority')"/></dt>
                <dd><xsl:value-of select="/page/form/field[@name = 'priority']"/></dd>
              </div>
            </dl>
            <p class="prov-note"><xsl:value-of select="pt:t('roles.builtin.note')"/></p>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="prov-text-field">
              <xsl:with-param name="name" select="'name'"/>
              <xsl:with-param name="label-key" select="'roles.name'"/>
              <xsl:with-param name="hint-key" select="'roles.name.hint'"/>
              <xsl:with-param name="required" select="true()"/>
              <xsl:with-param name="maxlength" select="'41'"/>
            </xsl:call-template>
            <xsl:choose>
              <xsl:when test="$r/@id">
                <dl class="prov-facts">
                  <div>
                    <dt><xsl:value-of select="pt:t('roles.org-kind')"/></dt>
                    <dd><xsl:value-of select="pt:t(concat('org.kind.', $r/@org-kind))"/></dd>
                  </div>
                </dl>
              </xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="prov-select">
                  <xsl:with-param name="name" select="'org_kind'"/>
                  <xsl:with-param name="label-key" select="'roles.org-kind'"/>
                  <xsl:with-param name="values" select="'customer partner provider'"/>
                  <xsl:with-param name="prefix" select="'org.kind.'"/>
                </xsl:call-template>
              </xsl:otherwise>
            </xsl:choose>
            <div class="prov-row">
              <xsl:call-template name="prov-select">
                <xsl:with-param name="name" select="'home'"/>
                <xsl:with-param name="label-key" select="'roles.home'"/>
                <xsl:with-param name="values" select="'customer partner agent admin'"/>
                <xsl:with-param name="prefix" select="'roles.home.'"/>
              </xsl:call-template>
              <xsl:call-template name="prov-text-field">
                <xsl:with-param name="name" select="'priority'"/>
                <xsl:with-param name="label-key" select="'roles.priority'"/>
                <xsl:with-param name="hint-key" select="'roles.priority.hint'"/>
                <xsl:with-param name="inputmode" select="'numeric'"/>
                <xsl:with-param name="maxlength" select="'5'"/>
              </xsl:call-template>
            </div>
          </xsl:otherwise>
        </xsl:choose>

        <xsl:if test="$r/@id">
          <fieldset class="prov-perms">
            <xsl:if test="/page/messages/message[@field = 'permissions']">
              <xsl:attribute name="class">prov-perms has-error</xsl:attribute>
            </xsl:if>
            <legend id="permissions"><xsl:value-of select="pt:t('roles.permissions')"/></legend>
            <xsl:call-template name="pt-field-errors"><xsl:with-param name="field" select="'permissions'"/></xsl:call-template>
            <ul class="prov-checks">
              <xsl:for-each select="$r/permission">
                <li>
                  <input type="checkbox" name="perm" value="{@name}" id="perm-{@id}">
                    <xsl:if test="@granted = '1'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
                  </input>
                  <label for="perm-{@id}">
                    <code class="prov-code"><xsl:value-of select="@name"/></code>
                    <span class="prov-perm-desc">
                      <xsl:variable name="key" select="concat('perm.', @name)"/>
                      <xsl:variable name="t" select="pt:t($key)"/>
                      <xsl:choose>
                        <xsl:when test="$t != $key"><xsl:value-of select="$t"/></xsl:when>
                        <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
                      </xsl:choose>
                    </span>
                  </label>
                </li>
              </xsl:for-each>
            </ul>
          </fieldset>
          <p class="prov-note"><xsl:value-of select="pt:t('roles.effect.note')"/></p>
        </xsl:if>

        <button type="submit" class="btn btn-primary">
          <xsl:choose>
            <xsl:when test="$r/@id"><xsl:value-of select="pt:t('roles.save')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="pt:t('roles.create')"/></xsl:otherwise>
          </xsl:choose>
        </button>
      </form>
    </section>
  </xsl:template>

</xsl:stylesheet>
