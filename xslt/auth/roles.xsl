<?xml version="1.0" encoding="UTF-8"?>
<!-- Roles (view "roles", permission admin.roles): each role with its org
     kind, home, priority and how many permissions and holders it has. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:import href="../layout.xsl"/>
  <xsl:include href="orgs-common.xsl"/>

  <xsl:template match="page" mode="content">
    <div class="prov-head">
      <h1><xsl:value-of select="pt:t('roles.title')"/></h1>
      <a class="btn btn-primary" href="/auth/admin/roles/new"><xsl:value-of select="pt:t('roles.new')"/></a>
    </div>
    <p class="lead"><xsl:value-of select="pt:t('roles.intro')"/></p>
    <div class="table-scroll" role="region" aria-labelledby="roles-caption" tabindex="0">
      <table class="data-table">
        <caption id="roles-caption"><xsl:value-of select="pt:t('roles.caption')"/></caption>
        <thead>
          <tr>
            <th scope="col"><xsl:value-of select="pt:t('roles.name')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('roles.org-kind')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('roles.home')"/></th>
            <th scope="col" class="num"><xsl:value-of select="pt:t('roles.priority')"/></th>
            <th scope="col" class="num"><xsl:value-of select="pt:t('roles.permissions')"/></th>
            <th scope="col" class="num"><xsl:value-of select="pt:t('roles.holders')"/></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="roles/role">
            <tr>
              <th scope="row">
                <a href="/auth/admin/roles/{@id}">
                  <xsl:call-template name="prov-role-name"><xsl:with-param name="name" select="string(.)"/></xsl:call-template>
                </a>
                <xsl:text> </xsl:text>
                <code class="prov-code"><xsl:value-of select="."/></code>
                <xsl:if test="@builtin = '1'">
                  <xsl:text> </xsl:text>
                  <span class="badge prov-badge"><xsl:value-of select="pt:t('roles.builtin')"/></span>
                </xsl:if>
              </th>
              <td><xsl:value-of select="pt:t(concat('org.kind.', @org-kind))"/></td>
              <td><xsl:value-of select="pt:t(concat('roles.home.', @home))"/></td>
              <td class="num"><xsl:value-of select="@priority"/></td>
              <td class="num"><xsl:value-of select="@permissions"/></td>
              <td class="num"><xsl:value-of select="@users"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

</xsl:stylesheet>
