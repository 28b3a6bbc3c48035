<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the offer and contract views share (included after orders-common.xsl
  and cart-common.xsl):

    of-state     an offer's state (draft, sent, expired, superseded,
                 accepted, declined) as a badge
    of-date      a calendar date (YYYY-MM-DD) as the reader writes it
    of-lines     the lines of an <offer> or <contract>: once or per month
                 or year, quantity and unit, price, net
    of-totals    an offer's sums: once, per month, per year (net)
    of-term      "12 months, renews by 12 months, 90 days' notice"
    of-files     the attachments as links with their size
    of-offer     an offer's facts, lines, sums, terms and attachments
    of-list      a list of offers
    of-contracts a table of contracts with their notice deadlines
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pt="urn:portico"
    exclude-result-prefixes="pt">

  <xsl:include href="../common/table.xsl"/>

  <xsl:template name="of-state">
    <xsl:param name="state"/>
    <span class="status-badge or-status of-state-{$state}">
      <xsl:value-of select="pt:t(concat('orders.offer.state.', $state))"/>
    </span>
  </xsl:template>

  <xsl:template name="of-date">
    <xsl:param name="date"/>
    <xsl:call-template name="pt-datetime">
      <xsl:with-param name="iso" select="string($date)"/>
      <xsl:with-param name="style" select="'date'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="of-lines">
    <xsl:param name="doc"/>
    <xsl:param name="caption-key"/>
    <xsl:param name="delete" select="false()"/>
    <div class="table-scroll" role="region" tabindex="0" aria-labelledby="lines-caption">
      <table class="data-table of-lines">
        <caption id="lines-caption"><xsl:value-of select="pt:t($caption-key)"/></caption>
        <thead>
          <tr>
            <th scope="col"><xsl:value-of select="pt:t('orders.col.product')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('orders.offer.col.kind')"/></th>
            <th scope="col" class="num"><xsl:value-of select="pt:t('orders.offer.col.quantity')"/></th>
            <th scope="col" class="num"><xsl:value-of select="pt:t('orders.offer.col.price')"/></th>
            <th scope="col" class="num"><xsl:value-of select="pt:t('orders.offer.col.net')"/></th>
            <xsl:if test="$delete">
              <th scope="col"><span class="visually-hidden"><xsl:value-of select="pt:t('orders.offer.line.delete')"/></span></th>
            </xsl:if>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$doc/lines/line">
            <tr>
              <th scope="row">
                <xsl:value-of select="name"/>
                <xsl:if test="string(@sku) != ''">
                  <span class="or-summary or-sku"><xsl:value-of select="concat(' ', @sku)"/></span>
                </xsl:if>
              </th>
              <td>
                <xsl:choose>
                  <xsl:when test="@billing"><xsl:value-of select="pt:t(concat('orders.offer.billing.', @billing))"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="pt:t('orders.offer.kind.once')"/></xsl:otherwise>
                </xsl:choose>
              </td>
              <td class="num nowrap"><xsl:value-of select="concat(@quantity, ' ', pt:t(concat('orders.unit.', @unit)))"/></td>
              <td class="num">
                <xsl:call-template name="or-money">
                  <xsl:with-param name="minor" select="@unit-minor"/>
                  <xsl:with-param name="currency" select="$doc/@currency"/>
                </xsl:call-template>
              </td>
              <td class="num">
                <xsl:call-template name="or-money">
                  <xsl:with-param name="minor" select="@net-minor"/>
                  <xsl:with-param name="currency" select="$doc/@currency"/>
                </xsl:call-template>
              </td>
              <xsl:if test="$delete">
                <td>
                  <form method="post" action="{$doc/@href}/lines/{@no}/delete">
                    <input type="hidden" name="csrf" value="{$pt-csrf}"/>
                    <button type="submit" class="btn btn-danger btn-small">
                      <xsl:value-of select="pt:t('orders.offer.line.delete')"/>
                      <span class="visually-hidden"><xsl:value-of select="concat(' ', name)"/></span>
                    </button>
                  </form>
                </td>
              </xsl:if>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template name="of-totals">
    <xsl:param name="offer"/>
    <dl class="facts of-totals">
      <xsl:for-each select="$offer/totals/@*[. != '0']">
        <div>
          <dt><xsl:value-of select="pt:t(concat('orders.offer.total.', local-name()))"/></dt>
          <dd>
            <xsl:call-template name="or-money">
              <xsl:with-param name="minor" select="."/>
              <xsl:with-param name="currency" select="$offer/@currency"/>
            </xsl:call-template>
          </dd>
        </div>
      </xsl:for-each>
    </dl>
    <p class="hint"><xsl:value-of select="pt:t('orders.offer.net-hint')"/></p>
  </xsl:template>

  <xsl:template name="of-term">
    <xsl:param name="d"/>
    <xsl:call-template name="or-fill">
      <xsl:with-param name="key" select="'orders.offer.term.months'"/>
      <xsl:with-param name="name" select="'n'"/>
      <xsl:with-param name="value" select="string($d/@term-months)"/>
    </xsl:call-template>
    <xsl:text>; </xsl:text>
    <xsl:choose>
      <xsl:when test="$d/@renewal-months = 0"><xsl:value-of select="pt:t('orders.offer.term.no-renewal')"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="or-fill">
          <xsl:with-param name="key" select="'orders.offer.term.renewal'"/>
          <xsl:with-param name="name" select="'n'"/>
          <xsl:with-param name="value" select="string($d/@renewal-months)"/>
        </xsl:call-template>
        <xsl:text>; </xsl:text>
        <xsl:call-template name="or-fill">
          <xsl:with-param name="key" select="'orders.offer.term.notice'"/>
          <xsl:with-param name="name" select="'n'"/>
          <xsl:with-param name="value" select="string($d/@notice-days)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="of-files">
    <xsl:param name="files"/>
    <xsl:param name="delete" select="false()"/>
    <xsl:param name="base" select="''"/>
    <ul class="of-files">
      <xsl:for-each select="$files/file">
        <li>
          <a href="{@href}"><xsl:value-of select="."/></a>
          <span class="or-summary">
            <xsl:value-of select="concat(' (', format-number(ceiling(@size div 1024), '0'), ' KB)')"/>
          </span>
          <xsl:if test="$delete">
            <form method="post" action="{$base}/files/{@id}/delete" class="of-inline">
              <input type="hidden" name="csrf" value="{$pt-csrf}"/>
              <button type="submit" class="btn btn-danger btn-small">
                <xsl:value-of select="pt:t('orders.offer.file.delete')"/>
                <span class="visually-hidden"><xsl:value-of select="concat(' ', .)"/></span>
              </button>
            </form>
          </xsl:if>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- The offer's header facts, lines, sums, terms and attachments. -->
  <xsl:template name="of-offer">
    <xsl:param name="f"/>
    <xsl:param name="delete" select="false()"/>
    <dl class="facts">
      <div><dt><xsl:value-of select="pt:t('orders.offer.org')"/></dt><dd><xsl:value-of select="$f/org"/></dd></div>
      <div>
        <dt><xsl:value-of select="pt:t('orders.offer.valid-until')"/></dt>
        <dd><xsl:call-template name="of-date"><xsl:with-param name="date" select="$f/@valid-until"/></xsl:call-template></dd>
      </div>
      <div><dt><xsl:value-of select="pt:t('orders.offer.term')"/></dt><dd><xsl:call-template name="of-term"><xsl:with-param name="d" select="$f"/></xsl:call-template></dd></div>
      <xsl:if test="$f/@revises">
        <div><dt><xsl:value-of select="pt:t('orders.offer.revises')"/></dt><dd><xsl:value-of select="$f/@revises"/></dd></div>
      </xsl:if>
      <xsl:if test="$f/revised-by">
        <div><dt><xsl:value-of select="pt:t('orders.offer.revised-by')"/></dt><dd><a href="{$f/revised-by/@href}"><xsl:value-of select="$f/revised-by/@number"/></a></dd></div>
      </xsl:if>
      <xsl:if test="$f/decision">
        <div>
          <dt><xsl:value-of select="pt:t(concat('orders.offer.decision.', $f/@status))"/></dt>
          <dd>
            <xsl:value-of select="$f/decision/by"/>
            <xsl:text>, </xsl:text>
            <xsl:call-template name="pt-datetime"><xsl:with-param name="iso" select="string($f/decision/@at)"/></xsl:call-template>
            <xsl:if test="$f/decision/reason"><span class="or-comment"><xsl:value-of select="$f/decision/reason"/></span></xsl:if>
          </dd>
        </div>
      </xsl:if>
      <xsl:if test="$f/decision/@sha256">
        <div><dt><xsl:value-of select="pt:t('orders.offer.sha256')"/></dt><dd class="of-hash"><code><xsl:value-of select="$f/decision/@sha256"/></code></dd></div>
      </xsl:if>
      <xsl:if test="$f/contract">
        <div><dt><xsl:value-of select="pt:t('orders.offer.contract')"/></dt><dd><xsl:value-of select="$f/contract/@number"/></dd></div>
      </xsl:if>
      <xsl:if test="$f/order">
        <div><dt><xsl:value-of select="pt:t('orders.offer.order')"/></dt><dd><xsl:value-of select="$f/order/@number"/></dd></div>
      </xsl:if>
    </dl>
    <section id="lines" aria-labelledby="lines-caption">
      <xsl:choose>
        <xsl:when test="$f/lines/line">
          <xsl:call-template name="of-lines">
            <xsl:with-param name="doc" select="$f"/>
            <xsl:with-param name="caption-key" select="'orders.offer.lines'"/>
            <xsl:with-param name="delete" select="$delete"/>
          </xsl:call-template>
          <xsl:call-template name="of-totals"><xsl:with-param name="offer" select="$f"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <h2 id="lines-caption"><xsl:value-of select="pt:t('orders.offer.lines')"/></h2>
          <p class="empty-state"><xsl:value-of select="pt:t('orders.offer.lines.none')"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
    <xsl:if test="$f/terms/node()">
      <section class="card" aria-labelledby="terms-title">
        <h2 id="terms-title"><xsl:value-of select="pt:t('orders.offer.terms')"/></h2>
        <div class="kb-body of-terms"><xsl:apply-templates select="$f/terms/node()" mode="pt-rich-text"/></div>
      </section>
    </xsl:if>
    <section id="files" aria-labelledby="files-title">
      <h2 id="files-title"><xsl:value-of select="pt:t('orders.offer.files')"/></h2>
      <xsl:choose>
        <xsl:when test="$f/files/file">
          <xsl:call-template name="of-files">
            <xsl:with-param name="files" select="$f/files"/>
            <xsl:with-param name="delete" select="$delete"/>
            <xsl:with-param name="base" select="$f/@href"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise><p class="empty-state"><xsl:value-of select="pt:t('orders.offer.files.none')"/></p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- The list of /page/offers; staff see each offer's organisation. -->
  <xsl:template name="of-list">
    <xsl:param name="staff" select="false()"/>
    <xsl:choose>
      <xsl:when test="/page/offers/offer">
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="offers-caption">
          <table class="data-table">
            <caption id="offers-caption" class="visually-hidden"><xsl:value-of select="pt:t('orders.offers.title')"/></caption>
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="pt:t('orders.offers.col.number')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('orders.offers.col.title')"/></th>
                <xsl:if test="$staff"><th scope="col"><xsl:value-of select="pt:t('orders.offer.org')"/></th></xsl:if>
                <th scope="col"><xsl:value-of select="pt:t('orders.offers.state')"/></th>
                <th scope="col"><xsl:value-of select="pt:t('orders.offer.valid-until')"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="/page/offers/offer">
                <tr>
                  <th scope="row" class="nowrap"><a href="{@href}"><xsl:value-of select="@number"/></a></th>
                  <td><xsl:value-of select="title"/></td>
                  <xsl:if test="$staff"><td><xsl:value-of select="org"/></td></xsl:if>
                  <td><xsl:call-template name="of-state"><xsl:with-param name="state" select="string(@state)"/></xsl:call-template></td>
                  <td><xsl:call-template name="of-date"><xsl:with-param name="date" select="@valid-until"/></xsl:call-template></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise><p class="empty-state"><xsl:value-of select="pt:t('orders.offers.none')"/></p></xsl:otherwise>
    </xsl:choose>
    <xsl:variable name="p" select="/page/offers/pager"/>
    <xsl:if test="$p/@page &gt; 1 or $p/@more = '1'">
      <xsl:variable name="base">
        <xsl:choose>
          <xsl:when test="$staff">/orders/admin/offers?state=<xsl:value-of select="/page/offers/@state"/>&amp;</xsl:when>
          <xsl:otherwise>/orders/offers?</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <nav class="pager" aria-label="{pt:t('orders.offers.pager')}">
        <p class="pager-status">
          <xsl:call-template name="or-fill">
            <xsl:with-param name="key" select="'orders.offers.pager.status'"/>
            <xsl:with-param name="name" select="'page'"/>
            <xsl:with-param name="value" select="string($p/@page)"/>
          </xsl:call-template>
        </p>
        <ul class="pager-links">
          <xsl:if test="$p/@page &gt; 1">
            <li><a rel="prev" href="{$base}page={$p/@page - 1}"><xsl:value-of select="pt:t('orders.pager.prev')"/></a></li>
          </xsl:if>
          <xsl:if test="$p/@more = '1'">
            <li><a rel="next" href="{$base}page={$p/@page + 1}"><xsl:value-of select="pt:t('orders.pager.next')"/></a></li>
          </xsl:if>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- A table of contracts: their term, the running period's end and the
       notice deadline; staff see the organisation and why it is listed. -->
  <xsl:template name="of-contracts">
    <xsl:param name="contracts"/>
    <xsl:param name="staff" select="false()"/>
    <div class="table-scroll" role="region" tabindex="0" aria-labelledby="contracts-caption">
      <table class="data-table">
        <caption id="contracts-caption" class="visually-hidden"><xsl:value-of select="pt:t('orders.contracts.title')"/></caption>
        <thead>
          <tr>
            <th scope="col"><xsl:value-of select="pt:t('orders.contracts.col.number')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('orders.offers.col.title')"/></th>
            <xsl:if test="$staff"><th scope="col"><xsl:value-of select="pt:t('orders.offer.org')"/></th></xsl:if>
            <th scope="col"><xsl:value-of select="pt:t('orders.contracts.col.start')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('orders.contracts.col.period-end')"/></th>
            <th scope="col"><xsl:value-of select="pt:t('orders.contracts.col.deadline')"/></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$contracts">
            <xsl:sort select="@due"/>
            <tr>
              <th scope="row" class="nowrap">
                <a href="{@href}"><xsl:value-of select="@number"/></a>
              </th>
              <td><xsl:value-of select="title"/></td>
              <xsl:if test="$staff"><td><xsl:value-of select="org"/></td></xsl:if>
              <td><xsl:call-template name="of-date"><xsl:with-param name="date" select="@start"/></xsl:call-template></td>
              <td>
                <xsl:call-template name="of-date"><xsl:with-param name="date" select="@period-end"/></xsl:call-template>
                <xsl:if test="@ended = '1'">
                  <xsl:text> </xsl:text>
                  <span class="status-badge or-status or-status-cancelled"><xsl:value-of select="pt:t('orders.contracts.ended')"/></span>
                </xsl:if>
                <xsl:if test="not(@notice-deadline) and not(@ended)">
                  <span class="or-summary"><xsl:value-of select="concat(' ', pt:t('orders.contracts.ends'))"/></span>
                </xsl:if>
              </td>
              <td>
                <xsl:choose>
                  <xsl:when test="@notice-deadline">
                    <strong><xsl:call-template name="of-date"><xsl:with-param name="date" select="@notice-deadline"/></xsl:call-template></strong>
                    <span class="or-summary">
                      <xsl:text> </xsl:text>
                      <xsl:call-template name="or-fill">
                        <xsl:with-param name="key" select="'orders.contracts.renews'"/>
                        <xsl:with-param name="name" select="'n'"/>
                        <xsl:with-param name="value" select="string(@renewal-months)"/>
                      </xsl:call-template>
                    </span>
                  </xsl:when>
                  <xsl:otherwise><xsl:value-of select="pt:t('orders.contracts.no-notice')"/></xsl:otherwise>
                </xsl:choose>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

</xsl:stylesheet>
